/// What one evaluation did.
public struct AlertRunReport: Sendable, Hashable, Encodable {
    /// Conditions holding now.
    public var firing: Int = 0
    /// Of them, new or due again: messages claimed and sent.
    public var notified: Int = 0
    /// Of them, already notified within the de-duplication window: nothing sent.
    public var deduplicated: Int = 0
    /// Conditions that cleared (a "resolved" message for those that had been notified).
    public var resolved: Int = 0
    /// Deliveries the routes took.
    public var sent: Int = 0
    /// Deliveries that failed after their retries (recorded, logged, never thrown).
    public var failed: Int = 0
    /// Deliveries refused by a route's hourly limit.
    public var rateLimited: Int = 0
    /// Whether the daily digest went out.
    public var digest: Bool = false

    /// Creates an empty report.
    public init() {}
}
