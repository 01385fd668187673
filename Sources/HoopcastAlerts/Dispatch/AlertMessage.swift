/// One message to a route: an alert firing or resolved, the daily digest, or a test.
public struct AlertMessage: Sendable, Hashable {
    /// Why it is sent.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A condition started (or is still on after the de-duplication window).
        case firing
        /// A condition that was notified cleared.
        case resolved
        /// The daily summary.
        case digest
        /// `hoopcast alerts test`.
        case test
    }

    /// Why it is sent.
    public var kind: Kind
    /// The ledger key (`digest:<date>` and `test:<instant>` for those kinds).
    public var key: String
    /// Routes take messages at or above their minimum; a resolved message has its alert's severity.
    public var severity: AlertSeverity
    /// The subject line (email) and first line (webhook).
    public var subject: String
    /// The plain-text body.
    public var body: String

    /// Creates a message.
    public init(kind: Kind, key: String, severity: AlertSeverity, subject: String, body: String) {
        self.kind = kind
        self.key = key
        self.severity = severity
        self.subject = subject
        self.body = body
    }

    /// The message of `alert` firing.
    public static func firing(_ alert: Alert) -> AlertMessage {
        AlertMessage(
            kind: .firing, key: alert.key, severity: alert.severity,
            subject: "[hoopcast \(alert.severity.rawValue)] \(alert.title)",
            body: "\(alert.detail)\n\nalert: \(alert.key)")
    }

    /// The message that `alert` cleared.
    public static func resolved(_ alert: Alert) -> AlertMessage {
        AlertMessage(
            kind: .resolved, key: alert.key, severity: alert.severity,
            subject: "[hoopcast resolved] \(alert.title)", body: "Cleared: \(alert.title)\n\nalert: \(alert.key)")
    }

    /// The subject and body as one text (the webhook's `text`).
    public var text: String { "*\(subject)*\n\(body)" }
}
