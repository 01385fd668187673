import HoopcastCore

/// `moving_average`: a weighted mean of recent form with documented adjustments.
///
/// base = 0.5 · last-5 mean + 0.3 · last-10 mean + 0.2 · season mean;
/// × 0.97 on the second night of a back-to-back; × (1 + 0.02 · minutes trend / 10) for a player whose minutes are
/// rising or falling (capped at ±4%). Spread: ``StatDistribution/standardDeviation(market:mean:sampleStandardDeviation:games:)``.
public struct MovingAverageSystem: PredictionSystem {
    public let name = SystemName.movingAverage

    /// Creates the system.
    public init() {}

    public func predict(_ input: PredictionInput) -> PredictionOutput {
        let base = 0.5 * input[.statLast5Mean] + 0.3 * input[.statLast10Mean] + 0.2 * input[.statSeasonMean]
        let backToBack = input[.backToBack] == 1 ? 0.97 : 1
        let minutes = 1 + min(max(0.02 * input[.minutesTrend] / 10, -0.04), 0.04)
        let mean = max(0, base * backToBack * minutes)
        let games = min(input[.gamesPlayedSeason], 10)
        let sd = StatDistribution.standardDeviation(
            market: input.market, mean: mean,
            sampleStandardDeviation: input[.statLast10Std],
            games: games)
        return PredictionOutput(
            predictedValue: mean, standardDeviation: sd,
            overProbability: input.line.map {
                StatDistribution.overProbability(market: input.market, mean: mean, standardDeviation: sd, line: $0)
            })
    }
}
