/// A condition that needs a person: firing while the rules find it, resolved when they no longer do.
///
/// The key identifies the condition across runs (`job.failed:<job>`, `check.error:<date>:<check>`,
/// `source.down:<source>`, `predictions.missing:<date>`, `model.health:<date>`); the ledger de-duplicates on it.
public struct Alert: Sendable, Hashable {
    /// The condition's identity.
    public var key: String
    /// How urgent it is.
    public var severity: AlertSeverity
    /// One line: what is wrong.
    public var title: String
    /// What was found and how to look (a command to run).
    public var detail: String

    /// Creates an alert.
    public init(key: String, severity: AlertSeverity, title: String, detail: String) {
        self.key = key
        self.severity = severity
        self.title = title
        self.detail = detail
    }
}
