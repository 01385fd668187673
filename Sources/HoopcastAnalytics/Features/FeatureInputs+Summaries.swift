import HoopcastCore

extension PlayerGameRow {
    /// The row the feature store reads from `analytics_player_games`, built from a summary in memory (what a check
    /// that rebuilds features from raw box scores feeds ``FeatureBuilder``).
    public init(_ summary: PlayerGameSummary) {
        let line = summary.line
        self.init(
            playerID: line.playerID, gameID: line.gameID, gameDate: line.gameDate, season: line.season,
            team: line.team, opponent: line.opponent, minutes: line.minutes, points: line.points,
            rebounds: line.rebounds, assists: line.assists, threesMade: line.threesMade,
            fieldGoalsAttempted: line.fieldGoalsAttempted, threesAttempted: line.threesAttempted,
            freeThrowsAttempted: line.freeThrowsAttempted, teamPointsShare: summary.teamPointsShare,
            teamShotsShare: summary.teamShotsShare)
    }
}

extension TeamGameRow {
    /// The row the feature store reads from `analytics_team_games` (joined to the opponent's row for what the team
    /// allowed), built from a summary in memory.
    public init(_ summary: TeamGameSummary) {
        func values(_ totals: BoxTotals) -> [Market: Double] {
            Market.values(
                points: totals.points, rebounds: totals.rebounds, assists: totals.assists, threes: totals.threesMade)
        }
        self.init(
            gameID: summary.gameID, gameDate: summary.gameDate, team: summary.team, opponent: summary.opponent,
            pace: summary.pace, offensiveRating: summary.offensiveRating, defensiveRating: summary.defensiveRating,
            own: values(summary.totals), allowed: values(summary.opponentTotals))
    }
}
