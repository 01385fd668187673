import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import Testing

@testable import HoopcastCLI

/// The commands' exit behaviour, driven through the real argument parser.
struct CommandExitTests {
    private func storeSpec() -> String {
        "sqlite:"
            + Scratch.root
            .appendingPathComponent("hoopcast-cli-\(UUID().uuidString)/h.sqlite").path
    }

    private func run(_ arguments: [String]) async throws {
        var command = try HoopcastCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    @Test func importExitsNonZeroWhenARowIsRejected() async throws {
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(of: "2024-01-15,PHI,HOU,124,115", with: "2024-01-15,PHI,HOU,-124,115")
        }
        do {
            try await run(["import", edited.path, "--json", "--store", storeSpec()])
            Issue.record("import with a rejected row must fail")
        } catch let exit as ExitCode {
            #expect(exit == ExitCode(1))
        }
    }

    @Test func cleanImportThenRunSucceed() async throws {
        let store = storeSpec()
        try await run(["import", TestStore.fixture.path, "--json", "--store", store])
        try await run(["run", "--date", "2024-01-16", "--store", store])
    }

    /// `run --no-wait` only queues the date's jobs; a worker then runs them, and the execution log has every step.
    @Test func runNoWaitQueuesTheDateForAWorker() async throws {
        let spec = storeSpec()
        try await run(["import", TestStore.fixture.path, "--json", "--store", spec])
        try await run(["run", "--date", "2024-01-16", "--no-wait", "--store", spec])
        try await Store.withOpen(try StoreLocation(parsing: spec)) { store in
            let queue = JobQueue(store: store)
            let pipeline = try DailyPipeline.make(registry: try ModelRegistry(directory: TestPaths.repo("models")))
            #expect(
                try await queue.counts() == [
                    .queued: 1, .waiting: pipeline.ordered.count - 1, .running: 0, .done: 0, .failed: 0,
                ])
            try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(50)).run(drain: true)
            #expect(try await queue.counts()[.done] == pipeline.ordered.count)
            let logged = try await store.sql.raw(
                """
                SELECT COUNT(DISTINCT step) AS n FROM ops_step_executions
                WHERE partition_date = '2024-01-16' AND status = 'succeeded' AND run_id LIKE 'run-%'
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(logged == pipeline.ordered.count)
        }
    }

    @Test func runOnADateWithoutGamesExitsNonZero() async throws {
        let store = storeSpec()
        try await run(["import", TestStore.fixture.path, "--json", "--store", store])
        await #expect(throws: ExitCode.self) { try await run(["run", "--date", "2023-12-24", "--store", store]) }
    }
}
