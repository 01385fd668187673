import HoopcastAnalytics
import HoopcastCore

/// Everything the feature layer's checks look at for one date, read once by `check.features`.
public struct FeatureCheckInputs: Sendable {
    /// The date checked.
    public var date: GameDate
    /// Every feature row of the date (gated or not).
    public var rows: [StoredFeatureRow]
    /// The date's schedule.
    public var games: [ScheduledGame]
    /// The rows' players that have a box score before the date in the raw layer.
    public var knownPlayers: Set<Int>
    /// Gated rows of the trailing ``DriftCheck/windowDays`` days: the drift reference (``DriftCheck/features``).
    public var reference: [DriftSample]
    /// The sample rebuilt from the raw rows; nil when it was not run.
    public var recomputation: Recomputation?

    /// Creates inputs.
    public init(
        date: GameDate, rows: [StoredFeatureRow], games: [ScheduledGame], knownPlayers: Set<Int>,
        reference: [DriftSample] = [], recomputation: Recomputation? = nil
    ) {
        self.date = date
        self.rows = rows
        self.games = games
        self.knownPlayers = knownPlayers
        self.reference = reference
        self.recomputation = recomputation
    }
}

/// One gated feature row of an earlier date, reduced to its market and the drift check's four features (a vector:
/// a month of samples is kept without an allocation each).
public struct DriftSample: Sendable, Hashable {
    public var market: Market
    /// The values of ``DriftCheck/features``, in that order.
    public var measures: SIMD4<Double>

    /// Creates a sample from the row's `values` (a feature missing counts as 0, as in the stored row).
    public init(market: Market, values: FeatureValues) {
        self.market = market
        let features = DriftCheck.features
        self.measures = SIMD4(
            values[features[0]] ?? 0, values[features[1]] ?? 0, values[features[2]] ?? 0, values[features[3]] ?? 0)
    }
}

/// A sample of players whose feature rows were rebuilt from the raw rows through ``FeatureBuilder``.
public struct Recomputation: Sendable {
    /// The sampled players.
    public var players: [Int]
    /// Their rows as rebuilt.
    public var rebuilt: [FeatureRow]
    /// Games of the history that could not be summarised from their box scores, with why.
    public var unsummarised: [String]

    /// Creates a recomputation.
    public init(players: [Int], rebuilt: [FeatureRow], unsummarised: [String] = []) {
        self.players = players
        self.rebuilt = rebuilt
        self.unsummarised = unsummarised
    }
}
