/// How urgent an alert is. A route takes the alerts at or above its minimum severity.
public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth knowing: the daily digest, a test message, a resolved condition.
    case info
    /// Needs a look soon: a warn check, a model degrading against the line.
    case warning
    /// Needs a person now: a job out of attempts, an error check blocking a date, a source down, no predictions.
    case critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }
}
