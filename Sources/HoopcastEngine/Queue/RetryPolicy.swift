import Foundation

/// Bounded retries with exponential backoff and decorrelated jitter: each delay is drawn uniformly from
/// [base, 3 × previous delay], capped; the first from [base, 3 × base]. Delays grow on average but never in lock-step,
/// so workers retrying the same outage do not stampede.
public struct RetryPolicy: Sendable {
    /// The smallest delay, in seconds.
    public var baseSeconds: Double
    /// The largest delay, in seconds.
    public var capSeconds: Double
    /// Uniform draw in a closed range (injectable for tests).
    public var random: @Sendable (ClosedRange<Double>) -> Double

    /// Creates a policy.
    public init(
        baseSeconds: Double = 2, capSeconds: Double = 300,
        random: @escaping @Sendable (ClosedRange<Double>) -> Double = { Double.random(in: $0) }
    ) {
        precondition(baseSeconds > 0 && capSeconds >= baseSeconds)
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
        self.random = random
    }

    /// The delay before the next attempt, given the previous delay (nil before the first retry).
    public func delay(after previous: Double?) -> Double {
        let upper = max(baseSeconds, 3 * (previous ?? baseSeconds))
        return min(capSeconds, random(baseSeconds...upper))
    }
}
