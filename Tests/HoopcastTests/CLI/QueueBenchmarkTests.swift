import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import SQLKit
import Testing

@testable import HoopcastCLI
@testable import HoopcastStore

/// `bench-queue`: its statistics on hand-computed values, its event pairing on a hand-built event log, its scratch
/// stores, and small end-to-end runs that check counts only (never speed).
struct QueueBenchmarkTests {
    // MARK: pure parts

    @Test func nearestRankPercentilesMatchHandComputedValues() {
        // n = 5: p50 → rank ⌈2.5⌉ = 3, p95 → ⌈4.75⌉ = 5, p30 → ⌈1.5⌉ = 2, p20 → ⌈1⌉ = 1.
        let five: [Double] = [15, 20, 35, 40, 50]
        #expect(DurationSummary.percentile(five, 50) == 35)
        #expect(DurationSummary.percentile(five, 95) == 50)
        #expect(DurationSummary.percentile(five, 30) == 20)
        #expect(DurationSummary.percentile(five, 20) == 15)
        #expect(DurationSummary.percentile(five, 100) == 50)
        // n = 20 (1…20): p95 → rank 19, p50 → rank 10.
        let twenty = (1...20).map(Double.init)
        #expect(DurationSummary.percentile(twenty, 95) == 19)
        #expect(DurationSummary.percentile(twenty, 50) == 10)
        // Unsorted input is sorted first: 1, 2, 3, 10 → p50 rank 2, p95 rank ⌈3.8⌉ = 4, mean 16 / 4.
        let summary = DurationSummary([3, 1, 10, 2])
        #expect(summary.count == 4)
        #expect(summary.p50 == 2)
        #expect(summary.p95 == 10)
        #expect(summary.max == 10)
        #expect(summary.mean == 4)
        let empty = DurationSummary([])
        #expect(empty.count == 0 && empty.p50 == 0 && empty.p95 == 0 && empty.max == 0 && empty.mean == 0)
    }

    /// A hand-built log: chain a is clean, chain b's upstream retried once, chain c's downstream never started.
    static let log: [QueueEventRecord] = {
        func at(_ ms: Int) -> Date { QueueTime.date(String(format: "2026-11-23T12:00:00.%03dZ", ms))! }
        return [
            ("up/a", "queued", 0), ("down/a", "queued", 0), ("up/b", "queued", 0), ("down/b", "queued", 0),
            ("up/c", "queued", 0), ("down/c", "queued", 0),
            ("up/a", "started", 5), ("up/a", "succeeded", 12), ("down/a", "started", 16), ("down/a", "succeeded", 20),
            ("up/b", "started", 30), ("up/b", "retried", 31), ("up/b", "started", 40), ("up/b", "succeeded", 44),
            ("down/b", "started", 53), ("down/b", "succeeded", 60),
            ("up/c", "started", 61), ("up/c", "succeeded", 70),
        ].map { QueueEventRecord(key: $0.0, event: $0.1, at: at($0.2)) }
    }()

    @Test func completionToStartPairsEachDownstreamStartWithItsUpstreamSuccess() {
        let edges = ["a", "b", "c"].map { QueueEventTimings.Edge(downstream: "down/\($0)", upstream: "up/\($0)") }
        let pairs = QueueEventTimings.completionToStart(Self.log, edges: edges)
        #expect(pairs.milliseconds == [4, 9])  // 16 − 12; 53 − 44
        #expect(pairs.missing == ["down/c"])
    }

    @Test func withinTakesTheFirstEventOfEachKind() {
        let pickup = QueueEventTimings.within(["up/a", "up/b", "up/x"], from: "queued", to: "started", in: Self.log)
        #expect(pickup.milliseconds == [5, 30])  // the first start of up/b, not the retry's
        #expect(pickup.missing == ["up/x"])
        let running = QueueEventTimings.within(["up/a", "down/c"], from: "started", to: "succeeded", in: Self.log)
        #expect(running.milliseconds == [7])
        #expect(running.missing == ["down/c"])
    }

    @Test func spanAndCountsOfTheLog() throws {
        #expect(QueueEventTimings.span(Self.log) == 0.065)  // 5 → 70
        #expect(QueueEventTimings.span(Array(Self.log.prefix(6))) == nil)  // only queued events
        #expect(QueueEventTimings.counts(Self.log) == ["queued": 6, "started": 6, "succeeded": 5, "retried": 1])
    }

    @Test func workerCountsParseAListAndRejectNonsense() throws {
        #expect(try BenchQueueCommand.workerCounts("1,2") == [1, 2])
        #expect(try BenchQueueCommand.workerCounts(" 2, 1,2") == [2, 1])
        for bad in ["0", "", "a", "1,,2", "-1", "1.5"] {
            #expect(throws: ValidationError.self) { try BenchQueueCommand.workerCounts(bad) }
        }
    }

    @Test func scratchURLReplacesOnlyTheDatabase() throws {
        #expect(
            try ScratchDatabase.scratchURL(
                server: "postgres://u:p@127.0.0.1:54341/postgres?sslmode=disable",
                database: "hoopcast_bench_ab12")
                == "postgres://u:p@127.0.0.1:54341/hoopcast_bench_ab12?sslmode=disable")
        #expect(
            try ScratchDatabase.scratchURL(server: "postgresql://u@db.example", database: "x")
                == "postgresql://u@db.example/x")
        #expect(throws: StoreError.self) { try ScratchDatabase.scratchURL(server: "postgres:///nohost", database: "x") }
        let name = ScratchDatabase.randomName(prefix: "hoopcast_bench_")
        #expect(name.count == 31 && name.dropFirst(15).allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    // MARK: end to end (counts only)

    /// A path in the temporary directory that does not exist yet.
    static func newPath() -> String {
        Scratch.root.appendingPathComponent("hoopcast-bq-\(UUID().uuidString).sqlite").path
    }

    @Test(arguments: TestEngine.available)
    func aSmallRunFinishesEveryJobWithConsistentCounts(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        var benchmark = QueueBenchmark(
            store: store, jobs: 40, chains: 12, idleChains: 3, drainPoll: .milliseconds(5),
            idlePoll: .milliseconds(20), logger: .init(label: "test.bench-queue"))
        // The whole suite runs beside it on two cores: CPU-bound tests can hold the cooperative pool for long.
        benchmark.stallLimit = .seconds(300)
        benchmark.lease = .seconds(300)  // a CI run once starved a heartbeat for 30 s: the job was rescued, ran twice
        let runs = try await benchmark.run(workerCounts: [1, 2])
        #expect(runs.map(\.workers) == [1, 2])
        for run in runs {
            #expect(run.throughput.jobs == 40)
            #expect(run.throughput.events == ["queued": 40, "started": 40, "succeeded": 40])
            #expect(run.throughput.startToSuccessMilliseconds.count == 40)
            #expect(run.throughput.claimToCompleteSeconds > 0)  // a span of a finished run, not a speed bound
            #expect(run.backlog.chains == 12 && run.backlog.events == ["queued": 24, "started": 24, "succeeded": 24])
            #expect(run.backlog.completionToStartMilliseconds.count == 12)
            #expect(run.backlog.commitToBeginMilliseconds.count == 12)
            let idle = try #require(run.idle)
            #expect(idle.chains == 3 && idle.events == ["queued": 6, "started": 6, "succeeded": 6])
            #expect(idle.queuedToStartMilliseconds.count == 3 && idle.pollMilliseconds == 20)
        }
        // The last scenario's chains stay for inspection, all done; a second run refuses the non-empty store.
        let counts = try await JobQueue(store: store).counts()
        #expect(counts == [.done: 6, .queued: 0, .waiting: 0, .running: 0, .failed: 0])
        await #expect(throws: QueueBenchFailure.self) { try await benchmark.run(workerCounts: [1]) }
        try await store.close()
    }

    @Test func distinctPrioritiesNumberTheThroughputJobs() async throws {
        let store = try await TestStore.fresh()
        var benchmark = QueueBenchmark(
            store: store, jobs: 6, chains: 1, idleChains: 0, drainPoll: .milliseconds(5),
            idlePoll: .milliseconds(20), logger: .init(label: "test.bench-queue"))
        #expect(try await benchmark.throughput(workers: 1).distinctPriorities == false)
        #expect(try await Self.priorities(store) == [0, 0, 0, 0, 0, 0])
        benchmark.distinctPriorities = true
        let run = try await benchmark.throughput(workers: 1)
        #expect(run.distinctPriorities && run.events == ["queued": 6, "started": 6, "succeeded": 6])
        #expect(try await Self.priorities(store) == [0, 1, 2, 3, 4, 5])
        try await store.close()
    }

    static func priorities(_ store: Store) async throws -> [Int] {
        try await store.sql.raw("SELECT priority FROM ops_jobs ORDER BY id").all().map { try $0.value("priority") }
    }

    @Test func refusesAStoreThatAlreadyHoldsJobs() async throws {
        let store = try await TestStore.fresh()
        try await JobQueue(store: store).enqueue(
            [JobSpec(step: "real.work", date: GameDate("2024-01-08")!)],
            correlationID: "someone-else")
        let benchmark = QueueBenchmark(
            store: store, jobs: 5, chains: 1, idleChains: 0, drainPoll: .milliseconds(5),
            idlePoll: .milliseconds(20), logger: .init(label: "test.bench-queue"))
        await #expect(throws: QueueBenchFailure.self) { try await benchmark.run(workerCounts: [1]) }
        #expect(try await JobQueue(store: store).status(of: "real.work/2024-01-08") == .queued)  // left alone
        try await store.close()
    }

    @Test func neverOpensAnExistingSQLiteFile() async throws {
        let path = Self.newPath()
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parsed = try HoopcastCommand.parseAsRoot(["bench-queue", "--store", "sqlite:\(path)", "--jobs", "5"])
        let command = try #require(parsed as? BenchQueueCommand)
        await #expect(throws: ValidationError.self) { try await command.run() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not ours")
    }

    @Test func aNewSQLitePathIsCreatedAndDeletedAfterwards() async throws {
        let path = Self.newPath()
        let target = try ScratchQueueStore(parsing: "sqlite:\(path)")
        let described = try await target.withStore(keep: false, logger: .init(label: "t")) { store, described in
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(store.dialect == .sqlite)
            return described
        }
        #expect(described.contains("deleted afterwards"))
        #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func postgresGetsANewDatabaseThatIsDroppedAfterwards() async throws {
        let server = try #require(TestEngine.postgresURL)
        let target = ScratchQueueStore.postgres(server: server)
        let name = try await target.withStore(keep: false, logger: .init(label: "t")) { store, described in
            let row = try await store.sql.raw("SELECT current_database() AS d").first()
            let name = try #require(try row?.value("d", as: String.self))
            #expect(name.hasPrefix("hoopcast_bench_") && described.contains(name))
            #expect(try await JobQueue(store: store).counts().values.reduce(0, +) == 0)
            return name
        }
        // Look from another database on the same server: the scratch database is gone.
        let observer = try await Store.open(.postgres(url: try await TestEngine.freshPostgresDatabase()))
        let left = try await observer.sql.raw("SELECT COUNT(*) AS n FROM pg_database WHERE datname = \(bind: name)")
            .first()
        #expect(try left?.value("n", as: Int.self) == 0)
        try await observer.close()
    }
}
