import ArgumentParser
import Foundation
import HoopcastStore
import Logging

/// `hoopcast bench-queue`: job-queue throughput of no-op jobs and the time from a job's completion to its
/// downstream job's start, on a scratch SQLite file or a scratch PostgreSQL database (figures go to BENCHMARKS.md).
struct BenchQueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queue",
        abstract: "Benchmark the job queue: no-op jobs/s and completion → downstream-start latency.",
        discussion: """
            Runs no-op steps through the real queue and worker (claim with a lease, run, complete in the step's \
            transaction, events). Throughput: --jobs independent jobs enqueued at once, drained. Latency: --chains \
            upstream → downstream chains (one date each, via JobPlan) enqueued at once and drained, then \
            --idle-chains chains enqueued one at a time to a worker asleep between polls (--poll-ms). Latency is \
            read from ops_pipeline_events (downstream started − upstream succeeded, 1 ms timestamps) and from the \
            monotonic clock (upstream commit returned → downstream step began).

            The store is always new: a temporary SQLite file by default (deleted afterwards), a new file at \
            sqlite:PATH (PATH must not exist), or, for postgres://…/db, a new database hoopcast_bench_<random> \
            created on that server and dropped afterwards (the role needs CREATEDB; nothing is written to db). \
            --keep leaves the store behind.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where to create the scratch store: sqlite:NEW-PATH, sqlite::memory: or postgres://user@host:port/db "
                + "(default: a temporary SQLite file).",
            valueName: "store"))
    var store: String?

    @Option(help: "Independent no-op jobs in the throughput run.")
    var jobs = 2000

    @Option(help: "Upstream → downstream chains enqueued at once.")
    var chains = 500

    @Option(help: "Chains enqueued one at a time to an idle worker (0 skips this part).")
    var idleChains = 40

    @Option(help: "Worker concurrencies to measure, comma-separated (e.g. 1,2).")
    var workers = "1"

    @Option(help: "The idle worker's poll interval in milliseconds (the worker command's is 500).")
    var pollMs = 500.0

    @Option(help: "The poll interval while draining, in milliseconds (only the end of a drain waits for it).")
    var drainPollMs = 10.0

    @Flag(help: "Give the throughput jobs priorities 0, 1, 2, … (as a backfill does) instead of 0 each.")
    var distinctPriorities = false

    @Flag(help: "Keep the scratch store (its path or database name is printed).")
    var keep = false

    @Flag(
        help: """
            Print JSON: {"engine","store","build","processors","runs":[{"workers","throughput","backlog","idle"}]}.
            """)
    var json = false

    func validate() throws {
        guard jobs >= 1, chains >= 1, idleChains >= 0 else {
            throw ValidationError("--jobs and --chains must be ≥ 1, --idle-chains ≥ 0")
        }
        guard pollMs > 0, drainPollMs > 0 else { throw ValidationError("--poll-ms and --drain-poll-ms must be > 0") }
        _ = try Self.workerCounts(workers)
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let counts = try Self.workerCounts(workers)
        let target = try ScratchQueueStore(parsing: store)
        let logger = Logger(label: "hoopcast.bench-queue")
        let (jobs, chains, idleChains, pollMs, drainPollMs) = (jobs, chains, idleChains, pollMs, drainPollMs)
        let distinctPriorities = distinctPriorities
        let result = try await target.withStore(keep: keep, logger: logger) { store, described in
            var benchmark = QueueBenchmark(
                store: store, jobs: jobs, chains: chains, idleChains: idleChains,
                drainPoll: .milliseconds(drainPollMs), idlePoll: .milliseconds(pollMs),
                logger: logger)
            benchmark.distinctPriorities = distinctPriorities
            let runs = try await benchmark.run(workerCounts: counts) { count in
                if !json { Terminal.err("bench-queue: \(count) worker(s)…\n") }
            }
            return QueueBenchResult(
                engine: store.dialect.rawValue, store: described, build: Self.build,
                processors: ProcessInfo.processInfo.activeProcessorCount, runs: runs)
        }
        Terminal.out(json ? try JSONOutput.encode(result) : result.table())
    }

    /// The build configuration of this binary.
    static var build: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// Worker concurrencies from `1,2`: each ≥ 1, duplicates dropped, order kept.
    static func workerCounts(_ text: String) throws -> [Int] {
        var counts: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let count = Int(trimmed), count >= 1 else {
                throw ValidationError("--workers takes counts ≥ 1 separated by commas (e.g. 1,2), not '\(text)'")
            }
            if !counts.contains(count) { counts.append(count) }
        }
        return counts
    }
}
