/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator whose stream is the same on every platform, so
/// a bootstrap drawn from it is reproducible bit for bit (and from a few lines of Python).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { self.state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index in 0..<count, as `next() % count` (the modulo bias, below 2⁻⁵⁰ for the counts used here, is kept so
    /// that a re-implementation draws the same indices).
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "SplitMix64.index(below:) needs a positive count, got \(count)")
        return Int(next() % UInt64(count))
    }
}
