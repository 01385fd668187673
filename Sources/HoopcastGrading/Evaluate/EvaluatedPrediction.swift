import HoopcastCore

/// One graded prediction as the evaluation sees it.
public struct EvaluatedPrediction: Sendable, Hashable {
    public var system: SystemName
    public var market: Market
    public var recommendation: Recommendation
    public var predictedValue: Double
    /// nil when the player did not play (void).
    public var actual: Double?
    public var line: Double?
    public var overOdds: Double?
    public var underOdds: Double?
    /// The system's own P(over) before calibration.
    public var rawOverProbability: Double?
    /// Calibrated P(over).
    public var overProbability: Double?
    /// Edge of the better side (nil when uncalibrated).
    public var edge: Double?
    /// Profit of the recommendation in units (nil when not a bet).
    public var profitUnits: Double?

    /// Creates a row.
    public init(
        system: SystemName, market: Market, recommendation: Recommendation, predictedValue: Double, actual: Double?,
        line: Double?, overOdds: Double?, underOdds: Double?, rawOverProbability: Double?,
        overProbability: Double?, edge: Double?, profitUnits: Double?
    ) {
        self.system = system
        self.market = market
        self.recommendation = recommendation
        self.predictedValue = predictedValue
        self.actual = actual
        self.line = line
        self.overOdds = overOdds
        self.underOdds = underOdds
        self.rawOverProbability = rawOverProbability
        self.overProbability = overProbability
        self.edge = edge
        self.profitUnits = profitUnits
    }
}
