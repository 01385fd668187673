import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of the analytics layer (upcoming-game contexts, game summaries) for other layers and the CLI.
public struct AnalyticsReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// The upcoming-game contexts of `date`, two per game, in (game, home side first) order.
    public func contexts(on date: GameDate) async throws -> [UpcomingContext] {
        try await db.raw(
            """
            SELECT game_date, game_id, team, opponent, is_home, season, season_type, rest_days, back_to_back,
                   games_last_7_days, opponent_rest_days, spread, total, line_source
            FROM analytics_upcoming_context WHERE game_date = \(bind: date.description)
            ORDER BY game_id, is_home DESC
            """
        ).all().map(FeatureInputLoader.context)
    }

    /// How many player-game and team-game summaries are stored.
    public func summaryCounts() async throws -> (playerGames: Int, teamGames: Int) {
        let row = try await db.raw(
            """
            SELECT (SELECT COUNT(*) FROM analytics_player_games) AS players,
                   (SELECT COUNT(*) FROM analytics_team_games) AS teams
            """
        ).first()
        return (try row?.value("players", as: Int.self) ?? 0, try row?.value("teams", as: Int.self) ?? 0)
    }
}
