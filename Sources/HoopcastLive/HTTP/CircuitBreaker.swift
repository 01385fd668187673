import HoopcastCore

/// A per-host circuit breaker as a pure state machine.
///
/// Closed: requests pass; `failureThreshold` consecutive failures open it. Open: requests are refused until
/// `coolDown` has passed, then it is half-open. Half-open: one probe passes; success closes the breaker, failure
/// opens it again for another cool-down. The caller passes the current instant (from its ``WallClock``).
public struct CircuitBreaker: Sendable, Hashable {
    /// The breaker's state.
    public enum State: Sendable, Hashable {
        /// Passing requests; the count of consecutive failures so far.
        case closed(failures: Int)
        /// Refusing requests until the given instant.
        case open(until: WallInstant)
        /// Letting one probe through; `probing` is true while it is in flight.
        case halfOpen(probing: Bool)
    }

    /// What the breaker decides for one request.
    public enum Decision: Sendable, Hashable {
        /// Send it.
        case allow
        /// Do not send; the breaker is open until the given instant.
        case reject(until: WallInstant)
    }

    /// Consecutive failures that open the breaker.
    public let failureThreshold: Int
    /// How long the breaker stays open before a probe is allowed.
    public let coolDown: Duration
    /// The current state.
    public private(set) var state: State = .closed(failures: 0)

    /// A closed breaker.
    public init(failureThreshold: Int, coolDown: Duration) {
        precondition(
            failureThreshold >= 1 && coolDown >= .zero, "the breaker needs a threshold ≥ 1 and a cool-down ≥ 0")
        self.failureThreshold = failureThreshold
        self.coolDown = coolDown
    }

    /// Decides whether a request may be sent at `now`.
    public mutating func permit(now: WallInstant) -> Decision {
        switch state {
        case .closed:
            return .allow
        case .open(let until):
            guard now >= until else { return .reject(until: until) }
            state = .halfOpen(probing: true)
            return .allow
        case .halfOpen(let probing):
            if probing { return .reject(until: now + coolDown) }
            state = .halfOpen(probing: true)
            return .allow
        }
    }

    /// Records a successful response: the breaker closes.
    public mutating func recordSuccess() {
        state = .closed(failures: 0)
    }

    /// Records a failed attempt (5xx, 429, timeout, connection error) at `now`.
    public mutating func recordFailure(now: WallInstant) {
        switch state {
        case .closed(let failures):
            state = failures + 1 >= failureThreshold ? .open(until: now + coolDown) : .closed(failures: failures + 1)
        case .halfOpen, .open:
            state = .open(until: now + coolDown)
        }
    }

    /// True when requests are currently refused.
    public var isOpen: Bool {
        if case .open = state { return true }
        return false
    }
}
