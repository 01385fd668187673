import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `analytics.game_summaries`: player and team game summaries for every game before the date whose box scores
/// are new or changed since they were last summarised (queued in `analytics_pending_games` by the import, in the
/// same transaction as the raw rows). Idempotent: a re-run with no new box scores writes nothing.
public struct GameSummariesStep: Step {
    public let name = "analytics.game_summaries"
    /// Each date summarises the games pending before it: dates run in order, never racing over the same games.
    public var previousDateUpstream: [String] { [name] }

    /// Creates the step.
    public init() {}

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let day = date.description
        let pending = try await db.raw(
            """
            SELECT game_id FROM analytics_pending_games WHERE game_date < \(bind: day)
            """
        ).all().map { try $0.value("game_id", as: String.self) }
        guard !pending.isEmpty else {
            return StepReport(rowsWritten: 0, notes: ["every game before \(day) is summarised"])
        }
        let lines = try await db.raw(
            """
            SELECT \(unsafeRaw: WarehouseReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE game_date < \(bind: day)
              AND game_id IN (SELECT game_id FROM analytics_pending_games WHERE game_date < \(bind: day))
            """
        ).all().map(WarehouseReader.boxScore)
        let (players, teams) = try GameSummarizer.summarize(lines)
        let summarised = Set(teams.map(\.gameID))
        if let missing = pending.first(where: { !summarised.contains($0) }) {
            throw StepFailure("game \(missing) is queued for summaries but has no box scores before \(day)")
        }
        let runID = context.runID
        try await context.commit { db in
            try await GameSummaryWriter.write(players: players, teams: teams, runID: runID, on: db)
            for chunk in stride(from: 0, to: pending.count, by: 500).map({
                Array(pending[$0..<min($0 + 500, pending.count)])
            }) {
                try await db.delete(from: "analytics_pending_games").where("game_id", .in, chunk).run()
            }
            return players.count + teams.count
        }
        return StepReport(
            rowsWritten: players.count + teams.count,
            notes: ["\(summarised.count) games summarised (\(players.count) player rows, \(teams.count) team rows)"])
    }
}
