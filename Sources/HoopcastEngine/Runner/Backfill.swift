import Foundation
import HoopcastCore
import HoopcastStore
import Logging
import SQLKit

/// Runs a pipeline for many dates in date order, in-process. Resumable: a date whose every step already succeeded
/// (in any earlier run) is skipped unless `force` is set. A failing date is recorded and the backfill goes on.
public struct Backfill: Sendable {
    /// Progress of a backfill, reported after each date.
    public struct Progress: Sendable {
        /// Dates finished so far in this backfill (run or skipped).
        public let done: Int
        /// Dates in the range with games.
        public let total: Int
        /// The date just handled.
        public let date: GameDate
        /// Whether it ran, was skipped as already done, or failed.
        public let status: String
        /// Seconds since the backfill started.
        public let elapsed: Double
        /// Estimated seconds left, from the mean time of the dates run so far.
        public let remaining: Double?
    }

    /// The result of a backfill.
    public struct Outcome: Sendable {
        /// Dates run in this backfill.
        public var ran: [GameDate] = []
        /// Dates skipped because every step had already succeeded.
        public var skipped: [GameDate] = []
        /// Dates with a failed step, with the first failure.
        public var failed: [(date: GameDate, step: String, error: String)] = []
    }

    /// The pipeline to run per date.
    public let pipeline: Pipeline
    /// The warehouse.
    public let store: Store

    /// Creates a backfill.
    public init(pipeline: Pipeline, store: Store) {
        self.pipeline = pipeline
        self.store = store
    }

    /// The dates between `from` and `to` (inclusive) with at least one scheduled game, in order.
    public func gameDates(from: GameDate, to: GameDate) async throws -> [GameDate] {
        try await store.sql.raw("""
            SELECT DISTINCT game_date FROM raw_games
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description) ORDER BY game_date
            """).all().map { row in
                guard let date = GameDate(try row.value("game_date", as: String.self)) else {
                    throw StoreError(.decodingFailed, "raw_games.game_date is not a date")
                }
                return date
            }
    }

    /// Dates in the range on which every step of the pipeline has succeeded.
    public func finishedDates(from: GameDate, to: GameDate) async throws -> Set<GameDate> {
        let steps = pipeline.ordered.map(\.name)
        let rows = try await store.sql.raw("""
            SELECT partition_date, COUNT(DISTINCT step) AS steps FROM ops_step_executions
            WHERE status = 'succeeded' AND partition_date >= \(bind: from.description)
              AND partition_date <= \(bind: to.description) AND step IN (\(binds: steps))
            GROUP BY partition_date
            """).all()
        var finished: Set<GameDate> = []
        for row in rows where try row.value("steps", as: Int.self) == steps.count {
            if let date = GameDate(try row.value("partition_date", as: String.self)) { finished.insert(date) }
        }
        return finished
    }

    /// Runs every date with games in the range; `progress` is called after each date.
    public func run(from: GameDate, to: GameDate, force: Bool, runIDPrefix: String = "backfill",
                    progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Outcome {
        let dates = try await gameDates(from: from, to: to)
        let finished = force ? [] : try await finishedDates(from: from, to: to)
        let runner = PipelineRunner(pipeline: pipeline, store: store, logger: Logger(label: "hoopcast.backfill"))
        let runLog = RunLog(store: store)
        var outcome = Outcome()
        let started = Date()
        var runSeconds = 0.0
        for (index, date) in dates.enumerated() {
            let status: String
            if finished.contains(date) {
                outcome.skipped.append(date)
                status = "already done"
            } else {
                let dateStarted = Date()
                let runID = RunLog.newRunID(prefix: runIDPrefix)
                try await runLog.start(runID: runID, command: "backfill \(date)")
                let result = try await runner.run(date: date, runID: runID)
                try await runLog.finish(runID: runID, error: result.firstFailure.map { "\($0.step): \($0.error ?? "")" })
                runSeconds += Date().timeIntervalSince(dateStarted)
                if let failure = result.firstFailure {
                    outcome.failed.append((date, failure.step, failure.error ?? ""))
                    status = "failed"
                } else {
                    outcome.ran.append(date)
                    status = "done"
                }
            }
            let ranCount = outcome.ran.count + outcome.failed.count
            let left = dates[(index + 1)...].filter { !finished.contains($0) }.count
            progress(Progress(done: index + 1, total: dates.count, date: date, status: status,
                              elapsed: Date().timeIntervalSince(started),
                              remaining: ranCount > 0 ? runSeconds / Double(ranCount) * Double(left) : nil))
        }
        return outcome
    }
}
