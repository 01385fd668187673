/// A source of uniform random numbers in [0, 1] for retry jitter; injectable, so tests get exact delays.
public protocol JitterSource: Sendable {
    /// A uniform value in [0, 1].
    func next() -> Double
}

/// The system's random generator.
public struct SystemJitter: JitterSource {
    /// Creates the system source.
    public init() {}

    public func next() -> Double { Double.random(in: 0..<1) }
}

/// Always the same value: the delays of a policy at a fixed point of its range (tests).
public struct FixedJitter: JitterSource {
    /// The value returned.
    public let value: Double

    /// A source that always returns `value` (in [0, 1]).
    public init(_ value: Double) {
        precondition((0...1).contains(value))
        self.value = value
    }

    public func next() -> Double { value }
}
