import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

struct PipelineTests {
    /// A configurable step for engine tests.
    struct FakeStep: Step {
        let name: String
        var upstream: [String] = []
        var timeout: Duration = .seconds(600)
        var behaviour: @Sendable () async throws -> StepReport = { StepReport(rowsWritten: 1) }

        func run(date: GameDate, context: StepContext) async throws -> StepReport { try await behaviour() }
    }

    @Test func ordersStepsAfterTheirUpstreams() throws {
        let pipeline = try Pipeline([
            FakeStep(name: "c", upstream: ["b"]), FakeStep(name: "a"), FakeStep(name: "b", upstream: ["a"]),
        ])
        #expect(pipeline.ordered.map(\.name) == ["a", "b", "c"])
        #expect(pipeline.downstream(of: "a") == ["b", "c"])
    }

    @Test func rejectsCyclesUnknownUpstreamsAndDuplicates() {
        #expect(throws: StepFailure.self) {
            try Pipeline([FakeStep(name: "a", upstream: ["b"]), FakeStep(name: "b", upstream: ["a"])])
        }
        #expect(throws: StepFailure.self) { try Pipeline([FakeStep(name: "a", upstream: ["missing"])]) }
        #expect(throws: StepFailure.self) { try Pipeline([FakeStep(name: "a"), FakeStep(name: "a")]) }
    }

    @Test func failureStopsDownstreamStepsAndEveryAttemptIsLogged() async throws {
        let store = try await TestStore.fresh()
        let pipeline = try Pipeline([
            FakeStep(name: "load"),
            FakeStep(name: "compute", upstream: ["load"]) { throw StepFailure("bad input on line 7") },
            FakeStep(name: "publish", upstream: ["compute"]),
            FakeStep(name: "independent"),
        ])
        let outcome = try await PipelineRunner(pipeline: pipeline, store: store)
            .run(date: GameDate("2024-01-16")!, runID: "r1")
        #expect(!outcome.succeeded)
        #expect(outcome.firstFailure?.step == "compute")
        let statuses = Dictionary(uniqueKeysWithValues: outcome.steps.map { ($0.step, $0.status) })
        #expect(statuses == ["load": .succeeded, "compute": .failed, "publish": .skipped, "independent": .succeeded])
        let rows = try await store.sql.raw(
            """
            SELECT step, status, rows_written, error, partition_date, finished_at FROM ops_step_executions
            WHERE run_id = 'r1' ORDER BY step
            """
        ).all()
        #expect(rows.count == 4)
        let compute = try #require(rows.first { (try? $0.decode(column: "step", as: String.self)) == "compute" })
        #expect(try compute.decode(column: "status", as: String.self) == "failed")
        // kind: reason
        #expect(try compute.decode(column: "error", as: String.self) == "permanent: bad input on line 7")
        #expect(try compute.decode(column: "partition_date", as: String.self) == "2024-01-16")
        #expect(try compute.decode(column: "finished_at", as: String?.self) != nil)
        let load = try #require(rows.first { (try? $0.decode(column: "step", as: String.self)) == "load" })
        #expect(try load.decode(column: "rows_written", as: Int.self) == 1)
    }

    /// Records whether a step saw its own cancellation.
    actor CancellationProbe {
        var cancelled = false
        func markCancelled() { cancelled = true }
    }

    @Test func aStepThatOverrunsItsTimeLimitIsCancelledWhileRunning() async throws {
        let store = try await TestStore.fresh()
        let probe = CancellationProbe()
        let pipeline = try Pipeline([
            FakeStep(name: "slow", timeout: .milliseconds(200)) {
                do {
                    try await Task.sleep(nanoseconds: 60_000_000_000)
                } catch is CancellationError {
                    await probe.markCancelled()  // only reachable when cancelled mid-sleep
                    throw CancellationError()
                }
                return StepReport(rowsWritten: 1)
            }
        ])
        let outcome = try await PipelineRunner(pipeline: pipeline, store: store)
            .run(date: GameDate("2024-01-16")!, runID: "r2")
        #expect(await probe.cancelled)
        #expect(outcome.firstFailure?.error?.contains("time limit") == true)
    }

    @Test func runOnADateWithoutGamesFailsInsteadOfSucceedingEmpty() async throws {
        let (_, outcome) = try await AnalyticsTests.storeRunFor(GameDate("2023-12-24")!)  // no NBA games on Dec 24
        #expect(!outcome.succeeded)
        #expect(outcome.firstFailure?.step == "context.upcoming")
        #expect(outcome.firstFailure?.error?.contains("no games are scheduled") == true)
    }
}
