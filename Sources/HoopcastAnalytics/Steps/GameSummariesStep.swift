import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit

/// `analytics.game_summaries`: player and team game summaries for every game before the date whose box scores
/// are new or changed since they were last summarised (queued in the raw layer's ``ChangedGames`` by the import, in the
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
        let pending = try await ChangedGames.gameIDs(before: date, on: db)
        guard !pending.isEmpty else {
            return StepReport(rowsWritten: 0, notes: ["every game before \(day) is summarised"])
        }
        let lines = try await RawReader(db: db).boxScoresOfChangedGames(before: date)
        let (players, teams) = try GameSummarizer.summarize(lines)
        let summarised = Set(teams.map(\.gameID))
        if let missing = pending.first(where: { !summarised.contains($0) }) {
            throw StepFailure("game \(missing) is queued for summaries but has no box scores before \(day)")
        }
        let runID = context.runID
        try await context.commit { db in
            try await GameSummaryWriter.write(players: players, teams: teams, runID: runID, on: db)
            try await ChangedGames.remove(pending, on: db)
            return players.count + teams.count
        }
        return StepReport(
            rowsWritten: players.count + teams.count,
            notes: ["\(summarised.count) games summarised (\(players.count) player rows, \(teams.count) team rows)"])
    }
}
