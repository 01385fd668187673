import HoopcastCore

/// One message to one route: sent, failed after its retries, or refused by the rate limit.
public struct Delivery: Sendable, Hashable {
    /// What became of it.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The route accepted it.
        case sent
        /// Every attempt failed; ``Delivery/error`` says why (secrets removed).
        case failed
        /// The route's hourly limit was spent; the digest counts it.
        case rateLimited = "rate_limited"
    }

    /// The alert key (or `digest:<date>`, `test:<instant>`).
    public var key: String
    /// Why it was sent.
    public var kind: AlertMessage.Kind
    /// The route's name (`webhook`, `email`).
    public var route: String
    /// What became of it.
    public var outcome: Outcome
    /// Attempts made (0 when rate-limited).
    public var attempts: Int
    /// The last attempt's error, secrets removed.
    public var error: String?
    /// When it was decided.
    public var at: WallInstant

    /// Creates a delivery record.
    public init(
        key: String, kind: AlertMessage.Kind, route: String, outcome: Outcome, attempts: Int, error: String?,
        at: WallInstant
    ) {
        self.key = key
        self.kind = kind
        self.route = route
        self.outcome = outcome
        self.attempts = attempts
        self.error = error
        self.at = at
    }
}
