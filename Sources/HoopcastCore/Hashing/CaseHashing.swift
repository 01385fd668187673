// Hashing and equality by case rather than by raw value for the string-backed enums used as dictionary keys on hot
// paths: the standard library's default for a `RawRepresentable` enum hashes and compares its raw *string*, which
// made `[Feature: Double]` lookups about a tenth of a backfill's CPU time (feature values have since become
// `FeatureValues`, an array by case position; `Set<Feature>` and the market-keyed dictionaries still hash).
//
// `SystemName` and `Recommendation` followed: a day's ~5,500 predictions are counted, grouped and compared by them.
//
// A payload-free enum of fewer than 256 cases is stored as its case index in one byte; `unsafeBitCast` checks the
// size at run time (it traps rather than reading the wrong bytes), and `CaseHashingTests` checks that the indices are
// the cases' positions. (Written per type: as a protocol extension the witnesses recursed through the standard
// library's `RawRepresentable._rawHashValue`.)

extension Feature {
    /// The case's position in `allCases`.
    @inlinable
    public var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(caseIndex) }

    @inlinable
    public static func == (lhs: Feature, rhs: Feature) -> Bool { lhs.caseIndex == rhs.caseIndex }
}

extension Market {
    /// The case's position in `allCases`.
    @inlinable
    public var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(caseIndex) }

    @inlinable
    public static func == (lhs: Market, rhs: Market) -> Bool { lhs.caseIndex == rhs.caseIndex }
}

extension SystemName {
    /// The case's position in `allCases`.
    @inlinable
    public var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(caseIndex) }

    @inlinable
    public static func == (lhs: SystemName, rhs: SystemName) -> Bool { lhs.caseIndex == rhs.caseIndex }
}

extension Recommendation {
    /// The case's position in `allCases`.
    @inlinable
    public var caseIndex: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(caseIndex) }

    @inlinable
    public static func == (lhs: Recommendation, rhs: Recommendation) -> Bool { lhs.caseIndex == rhs.caseIndex }
}
