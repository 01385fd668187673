import Foundation
import HoopcastCore

/// `similarity`: a weighted mean of what the player did in the past games most like this one.
///
/// Distance between today and a past game, each term divided by its scale: opponent defensive rating (5 points per
/// 100 possessions), opponent pace (3 possessions), rest days capped at 3 (1 day), venue (1), and role — the
/// player's expected minutes (the `expected_minutes` feature: recent minutes and what absent teammates leave)
/// relative to his season minutes (0.25). These descriptors are the same for every market,
/// so one history row per past game serves all markets. The ``neighbours`` nearest past games are weighted by `exp(−d²/2)`;
/// the prediction is their weighted mean actual, shrunk toward the season mean by ``priorGames`` pseudo-games.
/// Spread: the weighted standard deviation of those actuals, blended with the market prior as in
/// ``StatDistribution`` with Kish's effective number of games `(Σw)² / Σw²`. With no history the season mean is used.
public struct SimilaritySystem: PredictionSystem {
    public let name = SystemName.similarity
    /// How many nearest past games count.
    public static let neighbours = 10
    /// Pseudo-games of the season mean added to the neighbours.
    public static let priorGames = 2.0

    /// The features a past game must carry: the distance dimensions and the two behind the role term.
    public static let historyFeatures: [Feature] = dimensions.map(\.0) + [.expectedMinutes, .minutesSeasonMean]

    static let dimensions: [(Feature, Double)] = [
        (.opponentDefensiveRating, 5), (.opponentPace, 3), (.restDays, 1), (.isHome, 1),
    ]

    /// Creates the system.
    public init() {}

    public func predict(_ input: PredictionInput) -> PredictionOutput {
        let seasonMean = input[.statSeasonMean]
        func form(_ features: FeatureValues) -> Double {
            let season = features[.minutesSeasonMean] ?? 0
            return season > 0 ? (features[.expectedMinutes] ?? 0) / season : 1
        }
        // Today's side of every term, looked up once for all past games.
        let today = SimilaritySystem.dimensions.map { feature, _ in
            feature == .restDays ? min(input[feature], 3) : input[feature]
        }
        let todayForm = form(input.features)
        func distance(_ past: PastGame) -> Double {
            var sum = 0.0
            for (index, (feature, scale)) in SimilaritySystem.dimensions.enumerated() {
                var then = past.features[feature] ?? 0
                if feature == .restDays { then = min(then, 3) }
                let gap = (today[index] - then) / scale
                sum += gap * gap
            }
            let formGap = (todayForm - form(past.features)) / 0.25
            return (sum + formGap * formGap).squareRoot()
        }
        let nearest = input.history.map { (game: $0, distance: distance($0)) }
            .sorted { $0.distance < $1.distance }
            .prefix(SimilaritySystem.neighbours)
        let weights = nearest.map { exp(-$0.distance * $0.distance / 2) }
        let weightSum = weights.reduce(0, +)
        let weighted = zip(nearest, weights).map { $0.game.actual * $1 }.reduce(0, +)
        let mean = max(
            0, (weighted + SimilaritySystem.priorGames * seasonMean) / (weightSum + SimilaritySystem.priorGames))
        var sampleSD = 0.0
        if weightSum > 0 {
            let neighbourMean = weighted / weightSum
            let variance =
                zip(nearest, weights).map { ($0.game.actual - neighbourMean) * ($0.game.actual - neighbourMean) * $1 }
                .reduce(0, +) / weightSum
            sampleSD = variance.squareRoot()
        }
        let sd = StatDistribution.standardDeviation(
            market: input.market, mean: mean, sampleStandardDeviation: sampleSD,
            games: effectiveGames(weights))
        return PredictionOutput(
            predictedValue: mean, standardDeviation: sd,
            overProbability: input.line.map {
                StatDistribution.overProbability(market: input.market, mean: mean, standardDeviation: sd, line: $0)
            })
    }

    /// Kish's effective sample size of weighted games.
    func effectiveGames(_ weights: [Double]) -> Double {
        let squares = weights.map { $0 * $0 }.reduce(0, +)
        return squares > 0 ? pow(weights.reduce(0, +), 2) / squares : 0
    }
}
