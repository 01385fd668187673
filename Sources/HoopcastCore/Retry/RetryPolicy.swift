/// Bounded retries with exponential backoff and decorrelated jitter, shared by the job queue, the queue's outage
/// handling, the ingest scheduler and the HTTP client: each delay is uniform in [``baseDelay``,
/// max(``baseDelay``, 3 × the previous delay)], capped at ``maxDelay``; the first in [base, 3 × base]. Delays grow
/// on average but never in lock-step, so clients retrying the same outage do not stampede.
///
/// The policy is a value; the randomness comes from a ``JitterSource`` passed to ``delay(after:random:)``, so tests
/// get exact delays.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included (≥ 1). The queue's jobs carry their own attempt bound.
    public var maxAttempts: Int
    /// The smallest delay.
    public var baseDelay: Duration
    /// The largest delay (a server's `Retry-After` above it is not waited for).
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        precondition(maxAttempts >= 1 && baseDelay >= .zero && maxDelay >= baseDelay, "invalid retry policy")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The delay before the next attempt, after a delay of `previous` (nil before the first retry); `random` is
    /// uniform in [0, 1] (``JitterSource/next()``).
    public func delay(after previous: Duration?, random: Double) -> Duration {
        let upper = max(baseDelay, (previous ?? baseDelay) * 3)
        return min(maxDelay, baseDelay + (upper - baseDelay) * random)
    }
}
