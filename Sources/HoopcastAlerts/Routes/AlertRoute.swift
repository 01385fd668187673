/// Somewhere alerts go: a webhook, email. A route makes one attempt per call; the dispatcher retries, rate-limits
/// and records.
public protocol AlertRoute: Sendable {
    /// The route's name in the ledger and logs (`webhook`, `email`): never its address or credentials.
    var name: String { get }
    /// The least severity it takes.
    var minimum: AlertSeverity { get }
    /// Sends `message` once; throws when the other end did not take it.
    func deliver(_ message: AlertMessage) async throws
}
