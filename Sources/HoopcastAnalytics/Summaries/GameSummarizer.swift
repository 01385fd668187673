import HoopcastCore

/// Pure computation of player and team game summaries from the box scores of complete games.
public enum GameSummarizer {
    /// A game's box scores could not be summarised.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Summarises games; `lines` must hold every player row of each game it mentions.
    public static func summarize(_ lines: [BoxScoreLine]) throws(Failure) -> (
        players: [PlayerGameSummary],
        teams: [TeamGameSummary]
    ) {
        var byGame: [String: [BoxScoreLine]] = [:]
        for line in lines { byGame[line.gameID, default: []].append(line) }
        var players: [PlayerGameSummary] = []
        var teams: [TeamGameSummary] = []
        players.reserveCapacity(lines.count)
        for gameID in byGame.keys.sorted() {
            let gameLines = byGame[gameID]!.sorted { $0.playerID < $1.playerID }
            var totals: [Team: BoxTotals] = [:]
            for line in gameLines { totals[line.team, default: BoxTotals()].add(line) }
            guard totals.count == 2 else {
                throw Failure(description: "game \(gameID) has box scores for \(totals.count) team(s), expected 2")
            }
            let gameHash = combinedHash(gameLines.map(\.contentHash))
            for line in gameLines {
                players.append(player(line, team: totals[line.team]!))
            }
            let possessions = estimatePossessions(Array(totals.values))
            for (team, own) in totals.sorted(by: { $0.key < $1.key }) {
                let opponent = totals.first { $0.key != team }!
                let sample = gameLines.first { $0.team == team }!
                guard possessions > 0, own.minutes > 0 else {
                    throw Failure(description: "game \(gameID) has no possessions or minutes for \(team)")
                }
                teams.append(
                    TeamGameSummary(
                        gameID: gameID, team: team, opponent: opponent.key, gameDate: sample.gameDate,
                        season: sample.season, seasonType: sample.seasonType, isHome: sample.isHome,
                        minutes: own.minutes,
                        totals: own, opponentTotals: opponent.value, possessions: possessions,
                        pace: 48 * possessions / (own.minutes / 5),
                        offensiveRating: 100 * Double(own.points) / possessions,
                        defensiveRating: 100 * Double(opponent.value.points) / possessions, sourceHash: gameHash))
            }
        }
        return (players, teams)
    }

    /// One player's summary given their team's totals.
    static func player(_ line: BoxScoreLine, team: BoxTotals) -> PlayerGameSummary {
        func ratio(_ numerator: Int, _ denominator: Double) -> Double? {
            denominator > 0 ? Double(numerator) / denominator : nil
        }
        let shootingDenominator = 2 * (Double(line.fieldGoalsAttempted) + 0.44 * Double(line.freeThrowsAttempted))
        return PlayerGameSummary(
            line: line,
            pointsPerMinute: ratio(line.points, line.minutes),
            reboundsPerMinute: ratio(line.rebounds, line.minutes),
            assistsPerMinute: ratio(line.assists, line.minutes),
            threesPerMinute: ratio(line.threesMade, line.minutes),
            threeAttemptRate: ratio(line.threesAttempted, Double(line.fieldGoalsAttempted)),
            freeThrowRate: ratio(line.freeThrowsAttempted, Double(line.fieldGoalsAttempted)),
            trueShooting: ratio(line.points, shootingDenominator),
            teamPointsShare: ratio(line.points, Double(team.points)),
            teamShotsShare: ratio(line.fieldGoalsAttempted, Double(team.fieldGoalsAttempted)))
    }

    /// Basketball-Reference's possession estimate, averaged over both teams.
    public static func estimatePossessions(_ teams: [BoxTotals]) -> Double {
        guard teams.count == 2 else { return 0 }
        func side(_ own: BoxTotals, _ opponent: BoxTotals) -> Double {
            let reboundChances = Double(own.offensiveRebounds + opponent.defensiveRebounds)
            let offensiveReboundRate = reboundChances > 0 ? Double(own.offensiveRebounds) / reboundChances : 0
            return Double(own.fieldGoalsAttempted) + 0.4 * Double(own.freeThrowsAttempted)
                - 1.07 * offensiveReboundRate * Double(own.fieldGoalsAttempted - own.fieldGoalsMade)
                + Double(own.turnovers)
        }
        return 0.5 * (side(teams[0], teams[1]) + side(teams[1], teams[0]))
    }

    /// A stable hash over the sorted row hashes of a game.
    static func combinedHash(_ hashes: [String]) -> String {
        var hash = StableHash()
        for text in hashes.sorted() { hash.combine(text) }
        return hash.hex
    }
}
