import HoopcastCore

/// A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`; each request takes one.
///
/// Pure state (no clock inside): the caller passes the current instant (from its ``WallClock``) and sleeps for the
/// returned delay, so the behaviour is deterministic under test.
public struct TokenBucket: Sendable, Hashable {
    /// Tokens added per second.
    public let ratePerSecond: Double
    /// The most tokens held (the burst size).
    public let capacity: Double
    /// Tokens available at ``updatedAt`` (may be negative: reservations already handed out).
    public private(set) var tokens: Double
    /// When ``tokens`` was last computed.
    public private(set) var updatedAt: WallInstant

    /// A full bucket at `now`.
    public init(requestsPerMinute: Double, burst: Double = 1, now: WallInstant) {
        precondition(
            requestsPerMinute > 0 && burst >= 1, "a rate limit needs a positive rate and a burst of at least 1")
        ratePerSecond = requestsPerMinute / 60
        capacity = burst
        tokens = burst
        updatedAt = now
    }

    /// Takes one token; returns how long the caller must wait before sending (zero when a token was free).
    public mutating func reserve(now: WallInstant) -> Duration {
        if now > updatedAt {
            tokens = min(capacity, tokens + (now - updatedAt) / .seconds(1) * ratePerSecond)
            updatedAt = now
        }
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / ratePerSecond)
    }
}

extension TokenBucket {
    /// Takes a token when one is available and returns `.zero`; otherwise takes nothing and returns the time until
    /// one is (a server refusing a request, where ``reserve(now:)`` is a client queueing one).
    public mutating func admit(now: WallInstant) -> Duration {
        if now > updatedAt {
            tokens = min(capacity, tokens + (now - updatedAt) / .seconds(1) * ratePerSecond)
            updatedAt = now
        }
        guard tokens < 1 else {
            tokens -= 1
            return .zero
        }
        return .seconds((1 - tokens) / ratePerSecond)
    }
}
