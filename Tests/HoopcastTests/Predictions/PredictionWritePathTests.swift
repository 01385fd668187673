import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastPredictions
import HoopcastStore
import SQLKit
import Testing

/// Predictions are written like every other step's rows: with the partition writer, in the job's commit, fenced
/// by its lease (the staging table and the consolidation step this replaced guarded against nothing more).
struct PredictionWritePathTests {
    private static let day = GameDate("2024-01-15")!

    /// A store with the fixture imported and 2024-01-08 … 2024-01-14 run, and the predictions of 2024-01-15 queued
    /// behind its features.
    private static func storeReadyToPredict(_ engine: TestEngine, clock: ManualClock)
        async throws -> (Store, JobQueue, Pipeline)
    {
        let (store, _) = try await PredictionStepTests.backfilled(through: GameDate("2024-01-14")!, engine: engine)
        let pipeline = try PredictionStepTests.pipeline()
        let queue = JobQueue(store: store, clock: clock, lease: .seconds(30))
        try await queue.enqueue(JobPlan.specs(pipeline: pipeline, dates: [day]), correlationID: "write-path")
        let worker = Worker(queue: queue, pipeline: pipeline)
        for step in ["analytics.game_summaries", "context.upcoming", "features.player_market"] {
            let job = try #require(try await queue.claim(owner: "w"))
            #expect(job.step == step)
            guard case .done = try await worker.process(job) else { throw StepFailure("\(step) did not finish") }
        }
        return (store, queue, pipeline)
    }

    private static func predictions(_ store: Store) async throws -> [String] {
        try await TestStore.canonicalRows(store, "predictions_player_props", excluding: ["run_id"])
            .filter { $0.contains(day.description) }
    }

    /// A predict attempt whose lease expired and was rescued cannot write: its rows roll back with its
    /// acknowledgement, and the attempt that holds the lease writes the date's predictions once.
    @Test(arguments: TestEngine.available)
    func aPredictAttemptThatLostItsLeaseWritesNothing(engine: TestEngine) async throws {
        let clock = ManualClock()
        let (store, queue, pipeline) = try await Self.storeReadyToPredict(engine, clock: clock)
        let stale = try #require(try await queue.claim(owner: "dead-worker"))
        #expect(stale.step == "predict.systems")
        clock.advance(by: .seconds(31))
        #expect(try await queue.rescue() == 1)
        let fresh = try #require(try await queue.claim(owner: "live-worker"))
        let worker = Worker(queue: queue, pipeline: pipeline)
        #expect(try await worker.process(stale) == .leaseLost)
        #expect(try await Self.predictions(store).isEmpty)
        guard case .done(let written, _) = try await worker.process(fresh) else {
            Issue.record("the live attempt did not finish")
            return
        }
        let rows = try await Self.predictions(store)
        #expect(written == rows.count && written > 1000)
        try await store.close()
    }

    /// The same date predicted again (a forced re-run) replaces the partition with identical rows: nothing is
    /// written, nothing is duplicated, and a prediction no longer produced is deleted.
    @Test func aRerunReplacesThePartition() async throws {
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-12")
        let before = try await Self.predictions(store)
        // A row the step will not produce again: its deletion is part of the replacement.
        try await store.sql.raw(
            """
            INSERT INTO predictions_player_props (game_id, player_id, market, system, feature_version, game_date,
                predicted_value, standard_deviation, p_over_raw, p_over, confidence, line, line_book, over_odds,
                under_odds, edge, recommendation, model, content_hash, run_id)
            SELECT game_id, player_id, market, 'retired_system', feature_version, game_date, predicted_value,
                   standard_deviation, p_over_raw, p_over, confidence, line, line_book, over_odds, under_odds, edge,
                   recommendation, model, content_hash || 'x', run_id
            FROM predictions_player_props WHERE game_date = \(bind: Self.day.description) AND system = 'ensemble'
            LIMIT 3
            """
        ).run()
        let outcome = try await PipelineRunner(pipeline: try PredictionStepTests.pipeline(), store: store)
            .run(date: Self.day, runID: "again")
        #expect(outcome.succeeded)
        #expect(outcome.steps.first { $0.step == "predict.systems" }?.report?.rowsWritten == 3)
        #expect(try await Self.predictions(store) == before)
        try await store.close()
    }
}
