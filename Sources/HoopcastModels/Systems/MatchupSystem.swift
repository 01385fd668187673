import HoopcastCore

/// `matchup`: the player's season rate per minute times expected minutes, adjusted for the opponent.
///
/// minutes = the `expected_minutes` feature (0.6 · last-5 + 0.4 · season minutes, raised by the minutes his
/// teammates on the injury report or missing from the latest game leave);
/// rate = 0.5 · last-10 rate + 0.5 · season rate (stat per minute);
/// opponent = (what the opponent allows of the stat ÷ league average)^0.5 (half the gap, to damp noise);
/// pace = expected game pace (mean of both teams' last-10 pace) ÷ the team's own pace;
/// venue = × 1.015 at home, × 0.985 away.
public struct MatchupSystem: PredictionSystem {
    public let name = SystemName.matchup

    /// Creates the system.
    public init() {}

    public func predict(_ input: PredictionInput) -> PredictionOutput {
        let minutes = input[.expectedMinutes]
        let rate = 0.5 * input[.statPerMinuteLast10] + 0.5 * input[.statPerMinuteSeason]
        let opponent = max(input[.opponentAllowedVsLeague], 0.01).squareRoot()
        let teamPace = input[.teamPace]
        let pace = teamPace > 0 ? (input[.teamPace] + input[.opponentPace]) / 2 / teamPace : 1
        let venue = input[.isHome] == 1 ? 1.015 : 0.985
        let mean = max(0, minutes * rate * opponent * pace * venue)
        let sd = StatDistribution.standardDeviation(
            market: input.market, mean: mean,
            sampleStandardDeviation: input[.statLast10Std],
            games: min(input[.gamesPlayedSeason], 10))
        return PredictionOutput(
            predictedValue: mean, standardDeviation: sd,
            overProbability: input.line.map {
                StatDistribution.overProbability(market: input.market, mean: mean, standardDeviation: sd, line: $0)
            })
    }
}
