import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `analytics.game_summaries`: player and team game summaries for every game before the date whose box scores
/// are new or changed since they were last summarised. Idempotent: a re-run with no new box scores writes nothing.
public struct GameSummariesStep: Step {
    public let name = "analytics.game_summaries"

    /// Creates the step.
    public init() {}

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let day = date.description
        // Games before D with a player row missing or stale in the summaries, or a team row missing.
        let lines = try await db.raw("""
            SELECT \(unsafeRaw: WarehouseReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE game_date < \(bind: day) AND game_id IN (
                SELECT b.game_id FROM raw_player_boxscores b
                LEFT JOIN analytics_player_games a ON a.game_id = b.game_id AND a.player_id = b.player_id
                WHERE b.game_date < \(bind: day) AND (a.game_id IS NULL OR a.source_hash <> b.content_hash)
                UNION
                SELECT b.game_id FROM raw_player_boxscores b
                LEFT JOIN analytics_team_games t ON t.game_id = b.game_id AND t.team = b.team
                WHERE b.game_date < \(bind: day) AND t.game_id IS NULL)
            """).all().map(WarehouseReader.boxScore)
        let (players, teams) = try GameSummarizer.summarize(lines)
        let runID = context.runID
        try await context.store.transaction { db in
            try await GameSummaryWriter.write(players: players, teams: teams, runID: runID, on: db)
        }
        try await verifyCoverage(db, day: day)
        let games = Set(teams.map(\.gameID)).count
        return StepReport(rowsWritten: players.count + teams.count,
                          notes: ["\(games) games summarised (\(players.count) player rows, \(teams.count) team rows)"])
    }

    /// Every box score before the date must now have a current summary; anything else is a failure.
    private func verifyCoverage(_ db: any SQLDatabase, day: String) async throws {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM raw_player_boxscores b
            LEFT JOIN analytics_player_games a ON a.game_id = b.game_id AND a.player_id = b.player_id
            WHERE b.game_date < \(bind: day) AND (a.game_id IS NULL OR a.source_hash <> b.content_hash)
            """).first()
        let missing = try row?.value("n", as: Int.self) ?? 0
        if missing > 0 { throw StepFailure("\(missing) box scores before \(day) still lack a current summary") }
    }
}
