import Foundation
import HoopcastCore
import HoopcastEngine
@testable import HoopcastPredictions
import HoopcastStore
import Logging
import SQLKit
import Synchronization
import Testing

/// Staging → consolidation of predictions on both engines (issue 4, fault d): two consolidations of a date at once
/// → one waits for the other, and the final table is the same as after one consolidation.
struct ConsolidationTests {
    static let date = PredictionStepTests.date

    /// A store whose final predictions of `date` were computed, then removed, with a fresh batch staged: what the
    /// consolidation must restore. Returns the store and the date's expected final rows (without run ids).
    static func staged(engine: TestEngine) async throws -> (store: Store, expected: [String]) {
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-14", engine: engine)
        let expected = try await finalRows(store)
        #expect(expected.count > 1_000)
        try await store.sql.raw("DELETE FROM grading_prediction_results WHERE game_date = \(bind: date.description)").run()
        try await store.sql.raw("DELETE FROM predictions_player_props WHERE game_date = \(bind: date.description)").run()
        let predict = try await PredictStep().run(date: date, context: context(store, "restage"))
        #expect(predict.rowsWritten == expected.count)
        #expect(try await finalRows(store).isEmpty)
        return (store, expected)
    }

    static func finalRows(_ store: Store) async throws -> [String] {
        try await TestStore.canonicalRows(store, "predictions_player_props", excluding: ["run_id"])
            .filter { $0.contains("'\(date)'") }
    }

    static func context(_ store: Store, _ runID: String) -> StepContext {
        StepContext(store: store, runID: runID, logger: Logger(label: "test.consolidate"))
    }

    /// Rows staged and not yet merged (the batches' row counts).
    static func stagedCount(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COALESCE(SUM(rows_staged), 0) AS n FROM ops_staging_batches").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test(arguments: TestEngine.available)
    func twoConsolidationsAtOnceOneWaitsAndTheResultIsIdentical(engine: TestEngine) async throws {
        let (store, expected) = try await Self.staged(engine: engine)

        // A first consolidation holds the date's lock and has merged, but not committed; a second one starts.
        let holder = DistributedLock(store: store, name: ConsolidateStep.lockName(Self.date), owner: "first")
        let lease = try await holder.acquire(waitSeconds: 0)
        let finished = Mutex(false)
        let second = Task {
            defer { finished.withLock { $0 = true } }
            return try await ConsolidateStep().run(date: Self.date, context: Self.context(store, "second"))
        }
        try await Task.sleep(for: .milliseconds(600))
        #expect(!finished.withLock { $0 })               // it waits for the lock…
        #expect(try await Self.finalRows(store).isEmpty)  // …and has written nothing
        let merge = try await store.transaction { db in
            try await lease.verify(on: db)
            return try await PredictStep.writer.consolidate(partition: PredictStep.partition(Self.date), on: db)
        }
        try await lease.release()
        #expect(merge?.written == expected.count && merge?.deleted == 0)
        let report = try await second.value
        #expect(report.rowsWritten == 0)
        #expect(report.notes.first?.contains("already consolidated") == true)
        #expect(try await Self.finalRows(store) == expected)
        #expect(try await Self.stagedCount(store) == 0)

        // Restaged, two consolidation steps race: exactly one merges (nothing changed), the table stays the same.
        _ = try await PredictStep().run(date: Self.date, context: Self.context(store, "restage-2"))
        async let a = ConsolidateStep().run(date: Self.date, context: Self.context(store, "a"))
        async let b = ConsolidateStep().run(date: Self.date, context: Self.context(store, "b"))
        let reports = try await [a, b]
        #expect(reports.filter { $0.notes.first?.contains("already consolidated") == true }.count == 1)
        #expect(reports.allSatisfy { $0.rowsWritten == 0 })  // identical rows are left alone
        #expect(try await Self.finalRows(store) == expected)
        #expect(try await Self.stagedCount(store) == 0)
        #expect(try await holder.holder() == nil)
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func aHolderWhoseLeaseWasLostCannotWrite(engine: TestEngine) async throws {
        let (store, expected) = try await Self.staged(engine: engine)
        let clock = ManualClock()
        let name = ConsolidateStep.lockName(Self.date)
        let stale = try #require(try await DistributedLock(store: store, name: name, owner: "stalled", leaseSeconds: 5,
                                                           clock: clock.source).tryAcquire())
        clock.advance(6)
        let current = try #require(try await DistributedLock(store: store, name: name, owner: "current", leaseSeconds: 5,
                                                             clock: clock.source).tryAcquire())
        await #expect(throws: LockError.self) {
            try await store.transaction { db in
                // The merge runs, but the lease check fails and the transaction rolls it back.
                _ = try await PredictStep.writer.consolidate(partition: PredictStep.partition(Self.date), on: db)
                try await stale.verify(on: db)
            }
        }
        #expect(try await Self.finalRows(store).isEmpty)
        #expect(try await Self.stagedCount(store) == expected.count)
        try await current.release()
        _ = try await ConsolidateStep().run(date: Self.date, context: Self.context(store, "after"))
        #expect(try await Self.finalRows(store) == expected)
        try await store.close()
    }

    /// A batch with fewer rows than the final partition deletes the rows it no longer has; unchanged rows keep their
    /// run id.
    @Test func aNewBatchReplacesThePartitionLeavingUnchangedRowsAlone() async throws {
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-14")
        let day = Self.date.description
        let before = try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM predictions_player_props WHERE game_date = \(bind: day) AND run_id = \(bind: "test-\(day)")
            """).first()!.decode(column: "n", as: Int.self)
        let rows = try await store.sql.raw("""
            SELECT \(idents: PredictStep.writer.columns, joinedBy: ", ") FROM predictions_player_props
            WHERE game_date = \(bind: day) ORDER BY game_id, player_id, market, system
            """).all()
        #expect(rows.count == before)
        // Stage every row but the system 'matchup' ones, re-read as stored values.
        var kept: [[SQLValue]] = []
        for row in rows where try row.decode(column: "system", as: String.self) != "matchup" {
            kept.append(try PredictStep.writer.columns.map { column in
                if try row.decodeNil(column: column) { return .null }
                if let number = try? row.decode(column: column, as: Int.self), column == "player_id" { return .int(number) }
                if let text = try? row.decode(column: column, as: String.self),
                   ["game_id", "market", "system", "feature_version", "game_date", "line_book", "recommendation", "model"].contains(column) {
                    return .text(text)
                }
                return .double(try row.decode(column: column, as: Double.self))
            })
        }
        try await store.transaction { [kept] db in
            try await PredictStep.writer.stage(partition: PredictStep.partition(Self.date), rows: kept, runID: "partial", on: db)
        }
        let merge = try #require(try await store.transaction { db in
            try await PredictStep.writer.consolidate(partition: PredictStep.partition(Self.date), on: db)
        })
        #expect(merge.deleted == rows.count - kept.count)
        #expect(merge.written == 0)  // the kept rows are unchanged
        #expect(try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM predictions_player_props WHERE game_date = \(bind: day) AND run_id = \(bind: "test-\(day)")
            """).first()!.decode(column: "n", as: Int.self) == kept.count)
        try await store.close()
    }
}
