import Foundation
import HoopcastCore

/// The predicted distribution of a counting stat: a per-player spread, and P(over) from a count distribution
/// (rebounds, assists, threes) or a normal approximation (points, points+rebounds+assists).
public enum StatDistribution {
    /// Variance-to-mean ratio assumed before a player's own games are seen (overdispersed-Poisson prior), by market.
    /// Priors, not fitted values: they weigh little once a player has 10 games.
    public static let dispersionPrior: [Market: Double] = [
        .points: 3.0, .rebounds: 1.5, .assists: 1.5, .threes: 1.2, .pointsReboundsAssists: 3.5,
    ]

    /// Games of weight given to the prior variance when blending with the player's own sample variance.
    public static let priorGames = 5.0

    /// Per-player spread: √((n·s² + k·φ·μ) / (n + k)) with n = games seen (≤ 10), s = the last-10 standard
    /// deviation, φ = ``dispersionPrior``, k = ``priorGames``, μ = the predicted mean; never below 0.5.
    public static func standardDeviation(
        market: Market, mean: Double, sampleStandardDeviation: Double,
        games: Double
    ) -> Double {
        let n = min(max(games, 0), 10)
        let prior = (dispersionPrior[market] ?? 2) * max(mean, 0.5)
        let variance = (n * sampleStandardDeviation * sampleStandardDeviation + priorGames * prior) / (n + priorGames)
        return max(variance.squareRoot(), 0.5)
    }

    /// Markets whose P(over) comes from a discrete ``CountDistribution`` (small counts, where a normal curve's mass
    /// between whole numbers misplaces the push); points and points+rebounds+assists keep the normal one.
    public static let countMarkets: Set<Market> = [.rebounds, .assists, .threes]

    /// P(stat > line) in `market`: from a ``CountDistribution`` with this mean and variance sd² for the
    /// ``countMarkets``, else from the normal curve (``overProbability(mean:standardDeviation:line:)``).
    public static func overProbability(market: Market, mean: Double, standardDeviation: Double, line: Double)
        -> Double
    {
        guard countMarkets.contains(market) else {
            return overProbability(mean: mean, standardDeviation: standardDeviation, line: line)
        }
        return CountDistribution(mean: mean, variance: standardDeviation * standardDeviation)
            .overProbability(line: line)
    }

    /// P(stat > line) for an integer-valued stat under N(mean, sd²) with a continuity correction: the stat must
    /// reach ⌊line⌋ + 1, so the cut is at ⌊line⌋ + 0.5 (a whole-number line pushes at the line itself).
    public static func overProbability(mean: Double, standardDeviation: Double, line: Double) -> Double {
        let cut = line.rounded(.down) + 0.5
        return 1 - normalCDF((cut - mean) / standardDeviation)
    }

    /// Standard normal cumulative distribution.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }
}
