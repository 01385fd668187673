import HoopcastCore

/// What a prediction system sees for one (player, game, market): the feature row (feature set ``Feature/version``)
/// and the line, if one exists. Systems are pure: no database, no clock, no randomness.
public struct PredictionInput: Sendable, Hashable {
    /// The market predicted.
    public var market: Market
    /// One value per ``Feature``.
    public var features: [Feature: Double]
    /// The prop line (stat units), nil when none was offered.
    public var line: Double?

    /// Creates an input.
    public init(market: Market, features: [Feature: Double], line: Double?) {
        self.market = market
        self.features = features
        self.line = line
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
}

/// One prediction system behind the common interface.
public protocol PredictionSystem: Sendable {
    /// The stored system name, e.g. `moving_average`.
    var name: String { get }
    /// Predicts one (player, game, market).
    func predict(_ input: PredictionInput) -> PredictionOutput
}
