import HoopcastCore
import HoopcastStore
import SQLKit

/// Upserts player and team game summaries.
enum GameSummaryWriter {
    static let playerColumns = [
        "game_id", "player_id", "game_date", "season", "season_type", "team", "opponent", "is_home", "minutes", "pts",
        "reb", "ast", "fg3m", "pra", "pts_per_min", "reb_per_min", "ast_per_min", "fg3m_per_min", "fga", "fg3a", "fta",
        "three_attempt_rate", "free_throw_rate", "true_shooting", "team_points_share", "team_shots_share",
        "source_hash", "run_id",
    ]
    static let teamColumns = [
        "game_id", "team", "opponent", "game_date", "season", "season_type", "is_home", "minutes", "pts", "opp_pts",
        "fga", "fgm", "fg3a", "fg3m", "fta", "ftm", "oreb", "dreb", "reb", "ast", "tov", "possessions", "pace",
        "offensive_rating", "defensive_rating", "source_hash", "run_id",
    ]

    static func write(
        players: [PlayerGameSummary], teams: [TeamGameSummary], runID: String,
        on db: any SQLDatabase
    ) async throws {
        let playerRows: [[SQLValue]] = players.map { summary in
            let line = summary.line
            return [
                .text(line.gameID), .int(line.playerID), .text(line.gameDate.description),
                .text(line.season.description), .text(line.seasonType.rawValue), .text(line.team.code),
                .text(line.opponent.code), .int(line.isHome ? 1 : 0), .double(line.minutes), .int(line.points),
                .int(line.rebounds), .int(line.assists), .int(line.threesMade), .int(summary.pointsReboundsAssists),
                .double(summary.pointsPerMinute), .double(summary.reboundsPerMinute),
                .double(summary.assistsPerMinute), .double(summary.threesPerMinute), .int(line.fieldGoalsAttempted),
                .int(line.threesAttempted), .int(line.freeThrowsAttempted), .double(summary.threeAttemptRate),
                .double(summary.freeThrowRate), .double(summary.trueShooting), .double(summary.teamPointsShare),
                .double(summary.teamShotsShare), .text(summary.sourceHash), .text(runID),
            ]
        }
        let teamRows: [[SQLValue]] = teams.map { team in
            let own = team.totals
            return [
                .text(team.gameID), .text(team.team.code), .text(team.opponent.code), .text(team.gameDate.description),
                .text(team.season.description), .text(team.seasonType.rawValue), .int(team.isHome ? 1 : 0),
                .double(team.minutes), .int(own.points), .int(team.opponentTotals.points),
                .int(own.fieldGoalsAttempted), .int(own.fieldGoalsMade), .int(own.threesAttempted),
                .int(own.threesMade), .int(own.freeThrowsAttempted), .int(own.freeThrowsMade),
                .int(own.offensiveRebounds), .int(own.defensiveRebounds), .int(own.rebounds), .int(own.assists),
                .int(own.turnovers), .double(team.possessions), .double(team.pace), .double(team.offensiveRating),
                .double(team.defensiveRating), .text(team.sourceHash), .text(runID),
            ]
        }
        try await BulkUpsert(table: "analytics_player_games", columns: playerColumns, key: ["game_id", "player_id"])
            .run(playerRows, on: db)
        try await BulkUpsert(table: "analytics_team_games", columns: teamColumns, key: ["game_id", "team"])
            .run(teamRows, on: db)
        // The dated caches of a long-running worker re-read these dates (a late correction re-summarises a game).
        try await PartitionVersions.bump(
            "analytics_player_games", dates: Set(players.map(\.line.gameDate.description)), on: db)
        try await PartitionVersions.bump(
            "analytics_team_games", dates: Set(teams.map(\.gameDate.description)), on: db)
    }
}
