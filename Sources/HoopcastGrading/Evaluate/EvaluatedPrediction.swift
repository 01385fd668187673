import HoopcastCore
import HoopcastPredictions

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
    /// The game's date (the bootstrap resamples dates; nil: each row is its own unit).
    public var gameDate: GameDate?
    /// The game and player (nil when unknown: the row is then never merged with another system's).
    public var gameID: String?
    public var playerID: Int?
    /// Expected minutes: the row's `minutes_last5_mean` feature (nil when not read).
    public var expectedMinutes: Double?
    /// The book the line came from (`consensus` or a book's name; nil without a line or when not read).
    public var lineBook: String?
    /// The same book's quote at the last pre-tip snapshot (nil when not read or none usable).
    public var closing: LineQuote?

    /// Creates a row.
    public init(
        system: SystemName, market: Market, recommendation: Recommendation, predictedValue: Double, actual: Double?,
        line: Double?, overOdds: Double?, underOdds: Double?, rawOverProbability: Double?,
        overProbability: Double?, edge: Double?, profitUnits: Double?, gameDate: GameDate? = nil,
        gameID: String? = nil, playerID: Int? = nil, expectedMinutes: Double? = nil, lineBook: String? = nil,
        closing: LineQuote? = nil
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
        self.gameDate = gameDate
        self.gameID = gameID
        self.playerID = playerID
        self.expectedMinutes = expectedMinutes
        self.lineBook = lineBook
        self.closing = closing
    }

    /// The market's vig-free P(over) at the prices the prediction was made against; nil unless both are posted.
    public var marketOverProbability: Double? {
        MarketCalibration.marketProbability(overOdds: overOdds, underOdds: underOdds)
    }

    /// Whether the row is scored as a probability forecast: played, lined, not a push, with a calibrated P(over)
    /// and the market's; then (P(over), market P(over), went over).
    var scored: (probability: Double, market: Double, wentOver: Bool)? {
        guard let actual, let line, actual != line, let p = overProbability, let m = marketOverProbability else {
            return nil
        }
        return (p, m, actual > line)
    }
}
