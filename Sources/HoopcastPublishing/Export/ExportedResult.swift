import HoopcastCore
import HoopcastGrading

/// One graded prediction as `results.json` shows it (`schemas/results.schema.json`).
public struct ExportedResult: Encodable, Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    @ExplicitNull public var playerName: String?
    public var market: Market
    public var system: SystemName
    public var recommendation: Recommendation
    public var predictedValue: Double
    @ExplicitNull public var line: Double?
    @ExplicitNull public var actual: Double?
    @ExplicitNull public var absoluteError: Double?
    public var outcome: BetOutcome
    @ExplicitNull public var profitUnits: Double?
}
