import HoopcastCore

/// What a prediction system sees for one (player, game, market): the feature row (feature set ``Feature/version``)
/// and the line, if one exists. Systems are pure: no database, no clock, no randomness.
public struct PredictionInput: Sendable, Hashable {
    /// The market predicted.
    public var market: Market
    /// One value per ``Feature``.
    public var features: FeatureValues
    /// The prop line (stat units), nil when none was offered.
    public var line: Double?
    /// The player's earlier games in this market (newest first), each with its own feature row and the actual
    /// stat; used by systems that learn from the player's history (``SimilaritySystem``).
    public var history: [PastGame]

    /// Creates an input.
    public init(market: Market, features: FeatureValues, line: Double?, history: [PastGame] = []) {
        self.market = market
        self.features = features
        self.line = line
        self.history = history
    }

    /// A feature's value (0 when absent, which the feature store never produces).
    public subscript(_ feature: Feature) -> Double { features[feature] ?? 0 }
}

/// A system's prediction: the expected stat, the spread of its distribution, and P(over the line).
public struct PredictionOutput: Sendable, Hashable {
    /// Expected value of the stat (≥ 0).
    public var predictedValue: Double
    /// Standard deviation of the predicted distribution (stat units, > 0).
    public var standardDeviation: Double
    /// Uncalibrated P(stat > line) from the distribution; nil without a line.
    public var overProbability: Double?

    /// Creates an output.
    public init(predictedValue: Double, standardDeviation: Double, overProbability: Double?) {
        self.predictedValue = predictedValue
        self.standardDeviation = standardDeviation
        self.overProbability = overProbability
    }
}

/// One prediction system behind the common interface.
public protocol PredictionSystem: Sendable {
    /// The stored system name, e.g. `moving_average`.
    var name: SystemName { get }
    /// Predicts one (player, game, market).
    func predict(_ input: PredictionInput) -> PredictionOutput
}

/// One earlier game of the player: the features it had that morning and what the player then did.
public struct PastGame: Sendable, Hashable {
    /// The feature row computed for that game.
    public var features: FeatureValues
    /// The actual stat in that game.
    public var actual: Double

    /// Creates a past game.
    public init(features: FeatureValues, actual: Double) {
        self.features = features
        self.actual = actual
    }
}
