import HoopcastAnalytics
import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions

/// Everything the prediction layer's checks look at for one date, read once by `check.predictions`.
public struct PredictionCheckInputs: Sendable {
    /// The date checked.
    public var date: GameDate
    /// Every prediction of the date made against a line, whole.
    public var lined: [PredictionRecord] { didSet { keys = Self.keys(lined, unlined) } }
    /// Every prediction of the date made without a line (nine in ten), with the columns such a row fills.
    public var unlined: [UnlinedPrediction] { didSet { keys = Self.keys(lined, unlined) } }
    /// Every feature row of the date as its key, gate and chosen line.
    public var featureLines: [FeatureLineChoice]
    /// Every injury-report row of the date's games, official and live (all report times; ``InjuryReportReader``).
    public var injuries: [InjuryReportEntry]
    /// Graded predictions with a line of the ``ModelHealthCheck/windowDays`` days before the date.
    public var linedErrors: [LinedError]

    /// Every prediction's key, the lined ones first (worked out once: two checks walk them).
    private(set) var keys: [PredictionKey]

    static func keys(_ lined: [PredictionRecord], _ unlined: [UnlinedPrediction]) -> [PredictionKey] {
        var keys: [PredictionKey] = []
        keys.reserveCapacity(lined.count + unlined.count)
        for row in lined {
            keys.append(
                PredictionKey(
                    row: RowKey(gameID: row.gameID, playerID: row.playerID, market: row.market), system: row.system))
        }
        for row in unlined {
            keys.append(
                PredictionKey(
                    row: RowKey(gameID: row.gameID, playerID: row.playerID, market: row.market), system: row.system))
        }
        return keys
    }

    /// How many predictions the date has.
    var count: Int { lined.count + unlined.count }

    /// Creates inputs.
    public init(
        date: GameDate, lined: [PredictionRecord], unlined: [UnlinedPrediction], featureLines: [FeatureLineChoice],
        injuries: [InjuryReportEntry] = [], linedErrors: [LinedError] = []
    ) {
        self.date = date
        self.lined = lined
        self.unlined = unlined
        self.keys = Self.keys(lined, unlined)
        self.featureLines = featureLines
        self.injuries = injuries
        self.linedErrors = linedErrors
    }
}
