import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `context.upcoming`: for each game on the date and each side, opponent, venue, rest, back-to-back, games in the
/// last 7 days, spread and total from the pre-game line, season type. Uses only games before the date plus the
/// date's schedule and lines. A date with no scheduled games fails: there is nothing to run.
public struct UpcomingContextStep: Step {
    public let name = "context.upcoming"
    public let upstream = ["analytics.game_summaries"]

    /// Creates the step.
    public init() {}

    static let columns = [
        "game_date", "game_id", "team", "opponent", "is_home", "season", "season_type", "rest_days", "back_to_back",
        "games_last_7_days", "opponent_rest_days", "spread", "total", "line_source", "content_hash", "run_id",
    ]

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let reader = WarehouseReader(db: context.store.sql)
        let games = try await reader.games(on: date)
        guard let season = games.first?.season else {
            throw StepFailure("no games are scheduled on \(date) in raw_games; import the schedule first")
        }
        let previous = try await reader.games(season: season, before: date)
        let lines = try await reader.gameLines(on: date)
        let contexts = UpcomingContextBuilder.build(date: date, games: games, previousGames: previous, lines: lines)
        guard contexts.count == games.count * 2 else {
            throw StepFailure("built \(contexts.count) context rows for \(games.count) games on \(date)")
        }
        let stored = try await storedHashes(date: date, db: context.store.sql)
        var rows: [[SQLValue]] = []
        for item in contexts {
            let values = UpcomingContextStep.values(item)
            let hash = ContentHash.of(values)
            if stored["\(item.gameID)|\(item.team.code)"] == hash { continue }
            rows.append(values + [.text(hash), .text(context.runID)])
        }
        let keep = Set(contexts.map { "\($0.gameID)|\($0.team.code)" })
        let obsolete = stored.keys.filter { !keep.contains($0) }
        try await context.store.transaction { [rows] db in
            for key in obsolete {  // a game moved off this date since the last run
                let parts = key.split(separator: "|").map(String.init)
                try await db.raw("""
                    DELETE FROM analytics_upcoming_context
                    WHERE game_date = \(bind: date.description) AND game_id = \(bind: parts[0]) AND team = \(bind: parts[1])
                    """).run()
            }
            try await BulkUpsert(table: "analytics_upcoming_context", columns: UpcomingContextStep.columns,
                                 key: ["game_id", "team"]).run(rows, on: db)
        }
        let withLines = contexts.filter { $0.total != nil || $0.spread != nil }.count / 2
        return StepReport(rowsWritten: rows.count + obsolete.count, notes: [
            "\(games.count) games on \(date): \(contexts.count) team contexts (\(rows.count) changed), "
                + "\(withLines) with a game line",
        ])
    }

    static func values(_ item: UpcomingContext) -> [SQLValue] {
        [.text(item.gameDate.description), .text(item.gameID), .text(item.team.code), .text(item.opponent.code),
         .int(item.isHome ? 1 : 0), .text(item.season.description), .text(item.seasonType.rawValue),
         .int(item.restDays), .int(item.backToBack ? 1 : 0), .int(item.gamesLast7Days), .int(item.opponentRestDays),
         .double(item.spread), .double(item.total), .text(item.lineSource)]
    }

    private func storedHashes(date: GameDate, db: any SQLDatabase) async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await db.raw("""
            SELECT game_id, team, content_hash FROM analytics_upcoming_context WHERE game_date = \(bind: date.description)
            """).all() {
            result["\(try row.value("game_id", as: String.self))|\(try row.value("team", as: String.self))"] =
                try row.value("content_hash", as: String.self)
        }
        return result
    }
}
