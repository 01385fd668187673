import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit

/// Loads ``FeatureInputs`` for a date: the date's contexts and lines, and — through dated caches that a backfill
/// reuses from one date to the next — the player and team games before it. Every history read is bound to
/// `game_date < D`.
struct FeatureInputLoader: Sendable {
    let db: any SQLDatabase
    let playerGames: DatedCache<PlayerGameRow>
    let teamGames: DatedCache<TeamGameRow>
    /// How the date's line is chosen for each (player, market).
    let linePolicy: LinePolicy

    /// Days of history the caches keep: enough to reach back to the start of the previous season from any date.
    static let historyDays = 800

    /// The inputs of `date`, and how many prop quotes were excluded for each reason.
    func load(date: GameDate) async throws -> (inputs: FeatureInputs, excludedQuotes: [String: Int]) {
        let day = date.description
        let contexts = try await AnalyticsReader(db: db).contexts(on: date)
        guard let season = contexts.first?.season else {
            return (FeatureInputs(date: date, contexts: [], playerGames: [], teamGames: [], lines: [:]), [:])
        }
        // This season or the last (compared, not hashed: the filters below see every row of two seasons).
        let previous = Season(startYear: season.startYear - 1)
        func inSeasons(_ candidate: Season) -> Bool { candidate == season || candidate == previous }
        let db = db
        let windowStart = date.adding(days: -FeatureInputLoader.historyDays).description
        let playerVersions = try await PartitionVersions.read(
            ["analytics_player_games"], from: windowStart, before: day, on: db)
        let allPlayerGames = try await playerGames.rows(before: date, versions: playerVersions) { from, before in
            try await db.raw(
                """
                SELECT player_id, game_id, game_date, season, team, opponent, minutes, pts, reb, ast, fg3m, fga, fg3a, fta,
                       team_points_share, team_shots_share
                FROM analytics_player_games
                WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
                """
            ).all().map { row in
                let game = try FeatureInputLoader.playerGame(row)
                return (game.gameDate, game)
            }
        }
        // Only players who played for one of the date's teams this season or last can be active for it.
        let teams = Set(contexts.map(\.team))
        let candidates = Set(
            allPlayerGames.lazy.filter { inSeasons($0.season) && teams.contains($0.team) }
                .map(\.playerID))
        let playerGames = allPlayerGames.filter { inSeasons($0.season) && candidates.contains($0.playerID) }
        let teamVersions = try await PartitionVersions.read(
            ["analytics_team_games"], from: windowStart, before: day, on: db)
        let teamGames = try await teamGames.rows(before: date, versions: teamVersions) { from, before in
            try await db.raw(
                """
                SELECT t.game_id, t.game_date, t.team, t.opponent, t.pace, t.offensive_rating, t.defensive_rating,
                       t.pts, t.reb, t.ast, t.fg3m, o.pts AS o_pts, o.reb AS o_reb, o.ast AS o_ast, o.fg3m AS o_fg3m
                FROM analytics_team_games t
                JOIN analytics_team_games o ON o.game_id = t.game_id AND o.team = t.opponent
                WHERE t.game_date >= \(bind: from.description) AND t.game_date < \(bind: before.description)
                """
            ).all().map { row in
                let game = try FeatureInputLoader.teamGame(row)
                return (game.gameDate, game)
            }
        }.filter { $0.gameDate >= season.firstPossibleDate }  // this season's games only
        let (lines, excluded) = try await PropQuoteReader(db: db).lines(on: date, policy: linePolicy)
        // Every report row of the date's games is read; the cut keeps only what was published by each game's
        // prediction time.
        let reports = try await InjuryReportReader(db: db).entries(on: date)
        return (
            FeatureInputs(
                date: date, contexts: contexts, playerGames: playerGames, teamGames: teamGames,
                lines: lines, injuries: InjuryReportCut.atPredictionTime(reports),
                submittedTeams: InjuryReportCut.submittedAtPredictionTime(reports)), excluded
        )
    }

    static func context(_ row: any SQLRow) throws -> UpcomingContext {
        let (table, key) = (
            "analytics_upcoming_context",
            "\(try row.value("game_id", as: String.self))/\(try row.value("team", as: String.self))"
        )
        let date = try row.parsed("game_date", in: table, key: key, GameDate.init)
        let team = try row.parsed("team", in: table, key: key, Team.init)
        let opponent = try row.parsed("opponent", in: table, key: key, Team.init)
        let season = try row.parsed("season", in: table, key: key, Season.init)
        let seasonType = try row.parsed("season_type", in: table, key: key, SeasonType.init(rawValue:))
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
        let (table, key) = (
            "analytics_player_games",
            "\(try row.value("game_id", as: String.self))/\(try row.value("player_id", as: Int.self))"
        )
        let date = try row.parsed("game_date", in: table, key: key, GameDate.init)
        let season = try row.parsed("season", in: table, key: key, Season.init)
        let team = try row.parsed("team", in: table, key: key, Team.init)
        let opponent = try row.parsed("opponent", in: table, key: key, Team.init)
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
        let (table, key) = (
            "analytics_team_games",
            "\(try row.value("game_id", as: String.self))/\(try row.value("team", as: String.self))"
        )
        let date = try row.parsed("game_date", in: table, key: key, GameDate.init)
        let team = try row.parsed("team", in: table, key: key, Team.init)
        let opponent = try row.parsed("opponent", in: table, key: key, Team.init)
        return TeamGameRow(
            gameID: try row.value("game_id"), gameDate: date, team: team, opponent: opponent,
            pace: try row.value("pace"), offensiveRating: try row.value("offensive_rating"),
            defensiveRating: try row.value("defensive_rating"), own: try FeatureInputLoader.marketValues(row),
            allowed: try FeatureInputLoader.marketValues(row, prefix: "o_"))
    }

    /// A summary row's value of every market, from its `pts`, `reb`, `ast` and `fg3m` columns (each name preceded
    /// by `prefix`).
    static func marketValues(_ row: any SQLRow, prefix: String = "") throws -> [Market: Double] {
        Market.values(
            points: try row.value("\(prefix)pts"), rebounds: try row.value("\(prefix)reb"),
            assists: try row.value("\(prefix)ast"), threes: try row.value("\(prefix)fg3m"))
    }
}
