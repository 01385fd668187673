/// A confidence interval [low, high].
public struct Interval: Sendable, Codable, Hashable {
    public var low: Double
    public var high: Double
    /// What a bootstrap interval resampled: `date` or `row` (nil for an interval by formula).
    public var unit: String?

    /// An interval from `low` to `high`.
    public init(low: Double, high: Double, unit: String? = nil) {
        self.low = low
        self.high = high
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey { case low, high, unit }

    /// Encodes every key, a missing unit as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(unit, forKey: .unit)
    }

    /// True when `value` lies in [low, high].
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// high − low.
    public var width: Double { high - low }
}
