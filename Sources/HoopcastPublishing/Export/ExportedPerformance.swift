import HoopcastCore

/// A system's results over a span (a day, or the season to date), as `performance.json` shows them.
public struct PerformanceBlock: Encodable, Sendable, Hashable {
    public var graded: Int
    /// Mean absolute error (stat units); null when nothing was graded.
    @ExplicitNull public var mae: Double?
    public var bets: Int
    public var wins: Int
    public var losses: Int
    /// Units won or lost at the posted odds (1 unit staked per bet).
    public var profitUnits: Double
    /// Profit per bet; null without bets.
    @ExplicitNull public var roi: Double?
}

/// One system and market in `performance.json` (`schemas/performance.schema.json`).
public struct SystemPerformance: Encodable, Sendable, Hashable {
    public var system: SystemName
    public var market: Market
    public var day: PerformanceBlock
    public var seasonToDate: PerformanceBlock
}
