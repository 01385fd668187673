/// Bounded retries with decorrelated jitter: each delay is uniform in `[base, previous × 3]`, capped at `maxDelay`.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included (≥ 1).
    public var maxAttempts: Int
    /// The smallest delay, seconds.
    public var baseDelay: Double
    /// The largest delay, seconds (a Retry-After above it is capped here too).
    public var maxDelay: Double

    /// Creates a policy.
    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 30) {
        precondition(maxAttempts >= 1 && baseDelay >= 0 && maxDelay >= baseDelay, "invalid retry policy")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The next delay in seconds after a delay of `previous` seconds (use ``baseDelay`` before the first retry);
    /// `random` is uniform in `0..<1`.
    public func nextDelay(previous: Double, random: Double) -> Double {
        let upper = max(baseDelay, previous * 3)
        return min(maxDelay, baseDelay + (upper - baseDelay) * random)
    }

    /// True for statuses worth retrying: 429 and every 5xx.
    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }
}
