/// A line and its prices: what a book (or the consensus) offered at one snapshot.
public struct LineQuote: Sendable, Hashable {
    /// The line in stat units.
    public var line: Double
    /// American odds of the over (nil: none posted).
    public var overOdds: Double?
    /// American odds of the under (nil: none posted).
    public var underOdds: Double?

    /// Creates a quote.
    public init(line: Double, overOdds: Double?, underOdds: Double?) {
        self.line = line
        self.overOdds = overOdds
        self.underOdds = underOdds
    }
}
