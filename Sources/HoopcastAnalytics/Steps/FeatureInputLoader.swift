import HoopcastCore
import HoopcastStore
import SQLKit

/// Loads ``FeatureInputs`` for a date: one query per table, every history query bound to `game_date < D`.
struct FeatureInputLoader: Sendable {
    let db: any SQLDatabase

    func load(date: GameDate) async throws -> FeatureInputs {
        let day = date.description
        let contexts = try await db.raw("""
            SELECT game_date, game_id, team, opponent, is_home, season, season_type, rest_days, back_to_back,
                   games_last_7_days, opponent_rest_days, spread, total, line_source
            FROM analytics_upcoming_context WHERE game_date = \(bind: day)
            """).all().map(FeatureInputLoader.context)
        guard let season = contexts.first?.season else { return FeatureInputs(date: date, contexts: [], playerGames: [],
                                                                              teamGames: [], lines: [:]) }
        let previous = Season(startYear: season.startYear - 1)
        // Only players who played for one of the date's teams this season or last can be active for it.
        let teams = Array(Set(contexts.map(\.team.code))).sorted()
        let playerGames = try await db.raw("""
            SELECT player_id, game_id, game_date, season, team, opponent, minutes, pts, reb, ast, fg3m, fga, fg3a, fta,
                   team_points_share, team_shots_share
            FROM analytics_player_games
            WHERE game_date < \(bind: day) AND season IN (\(bind: season.description), \(bind: previous.description))
              AND player_id IN (
                SELECT player_id FROM analytics_player_games
                WHERE game_date < \(bind: day) AND season IN (\(bind: season.description), \(bind: previous.description))
                  AND team IN (\(binds: teams)))
            """).all().map(FeatureInputLoader.playerGame)
        let teamGames = try await db.raw("""
            SELECT t.game_id, t.game_date, t.team, t.opponent, t.pace, t.offensive_rating, t.defensive_rating,
                   t.pts, t.reb, t.ast, t.fg3m, o.pts AS o_pts, o.reb AS o_reb, o.ast AS o_ast, o.fg3m AS o_fg3m
            FROM analytics_team_games t
            JOIN analytics_team_games o ON o.game_id = t.game_id AND o.team = t.opponent
            WHERE t.game_date < \(bind: day) AND t.season = \(bind: season.description)
            """).all().map(FeatureInputLoader.teamGame)
        let lines = try await PropQuoteReader(db: db).consensus(on: date)
        return FeatureInputs(date: date, contexts: contexts, playerGames: playerGames, teamGames: teamGames,
                             lines: lines)
    }

    static func context(_ row: any SQLRow) throws -> UpcomingContext {
        guard let date = GameDate(try row.value("game_date", as: String.self)),
              let team = Team(try row.value("team", as: String.self)),
              let opponent = Team(try row.value("opponent", as: String.self)),
              let season = Season(try row.value("season", as: String.self)),
              let seasonType = SeasonType(rawValue: try row.value("season_type", as: String.self))
        else { throw StoreError(.decodingFailed, "analytics_upcoming_context holds a malformed row") }
        return UpcomingContext(
            gameDate: date, gameID: try row.value("game_id"), team: team, opponent: opponent,
            isHome: try row.value("is_home", as: Int.self) == 1, season: season, seasonType: seasonType,
            restDays: try row.value("rest_days", as: Int?.self),
            backToBack: try row.value("back_to_back", as: Int.self) == 1,
            gamesLast7Days: try row.value("games_last_7_days"),
            opponentRestDays: try row.value("opponent_rest_days", as: Int?.self),
            spread: try row.value("spread", as: Double?.self), total: try row.value("total", as: Double?.self),
            lineSource: try row.value("line_source", as: String?.self))
    }

    static func playerGame(_ row: any SQLRow) throws -> PlayerGameRow {
        guard let date = GameDate(try row.value("game_date", as: String.self)),
              let season = Season(try row.value("season", as: String.self)),
              let team = Team(try row.value("team", as: String.self)),
              let opponent = Team(try row.value("opponent", as: String.self))
        else { throw StoreError(.decodingFailed, "analytics_player_games holds a malformed row") }
        return PlayerGameRow(
            playerID: try row.value("player_id"), gameID: try row.value("game_id"), gameDate: date, season: season,
            team: team, opponent: opponent, minutes: try row.value("minutes"), points: try row.value("pts"),
            rebounds: try row.value("reb"), assists: try row.value("ast"), threesMade: try row.value("fg3m"),
            fieldGoalsAttempted: try row.value("fga"), threesAttempted: try row.value("fg3a"),
            freeThrowsAttempted: try row.value("fta"),
            teamPointsShare: try row.value("team_points_share", as: Double?.self),
            teamShotsShare: try row.value("team_shots_share", as: Double?.self))
    }

    static func teamGame(_ row: any SQLRow) throws -> TeamGameRow {
        guard let date = GameDate(try row.value("game_date", as: String.self)),
              let team = Team(try row.value("team", as: String.self)),
              let opponent = Team(try row.value("opponent", as: String.self))
        else { throw StoreError(.decodingFailed, "analytics_team_games holds a malformed row") }
        func totals(_ prefix: String) throws -> [Market: Double] {
            let pts = Double(try row.value("\(prefix)pts", as: Int.self))
            let reb = Double(try row.value("\(prefix)reb", as: Int.self))
            let ast = Double(try row.value("\(prefix)ast", as: Int.self))
            let threes = Double(try row.value("\(prefix)fg3m", as: Int.self))
            return [.points: pts, .rebounds: reb, .assists: ast, .threes: threes, .pointsReboundsAssists: pts + reb + ast]
        }
        return TeamGameRow(gameID: try row.value("game_id"), gameDate: date, team: team, opponent: opponent,
                           pace: try row.value("pace"), offensiveRating: try row.value("offensive_rating"),
                           defensiveRating: try row.value("defensive_rating"), own: try totals(""),
                           allowed: try totals("o_"))
    }
}
