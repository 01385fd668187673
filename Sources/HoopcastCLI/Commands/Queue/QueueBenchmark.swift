import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Logging
import SQLKit
import Synchronization

/// The queue benchmark's scenarios, run on a scratch store through the real queue and worker (claim, run, complete
/// in the step's transaction, events): throughput of independent no-op jobs, and the time from an upstream job's
/// completion to its downstream job's start, with a worker that has a backlog and with an idle one.
///
/// Every scenario starts from an empty queue: it deletes every job, edge and event of the store, which is why the
/// store must be one the benchmark created (``BenchQueueCommand`` only hands it scratch stores, and
/// ``run(workerCounts:)`` refuses a store that already holds jobs). The last scenario's jobs and events stay in the
/// store for inspection (`--keep`).
struct QueueBenchmark: Sendable {
    let store: Store
    /// Independent no-op jobs of the throughput scenario.
    let jobs: Int
    /// Upstream → downstream chains enqueued at once (the backlog scenario).
    let chains: Int
    /// Chains enqueued one at a time to an idle worker (0 skips the scenario).
    let idleChains: Int
    /// Whether the throughput jobs get priorities 0, 1, 2, … (as a backfill numbers its jobs) instead of 0 each.
    var distinctPriorities = false
    /// The workers' poll interval while draining (throughput, backlog).
    let drainPoll: Duration
    /// The idle worker's poll interval.
    let idlePoll: Duration
    let logger: Logger
    /// How long no idle chain may finish before the watchdog gives up (plus four poll intervals).
    var stallLimit: Duration = .seconds(30)
    /// The lease of every benchmark job (the queue's default). A rescued job runs twice, which the benchmark refuses
    /// to report; a run sharing its cores with heavy work may need a longer one.
    var lease: Duration = .seconds(30)

    /// The first partition date of the benchmark's jobs (no real data is read).
    static let firstDate = GameDate(year: 2001, month: 1, day: 1)!
    static let noop = "bench.noop", upstream = "bench.upstream", downstream = "bench.downstream"

    /// Runs every scenario once per worker concurrency (jobs run at once in one in-process worker), after checking
    /// that the store holds no jobs; `progress` hears each concurrency as it starts.
    func run(workerCounts: [Int], progress: (Int) -> Void = { _ in }) async throws -> [QueueBenchResult.WorkerRun] {
        let leftOver = try await JobQueue(store: store).counts().values.reduce(0, +)
        guard leftOver == 0 else {
            throw QueueBenchFailure("the store holds \(leftOver) jobs already: bench-queue needs a scratch store")
        }
        var runs: [QueueBenchResult.WorkerRun] = []
        for workers in workerCounts {
            precondition(workers >= 1)
            progress(workers)
            let throughput = try await throughput(workers: workers)
            let backlog = try await backlogChains(workers: workers)
            let idle = idleChains > 0 ? try await idleChains(workers: workers) : nil
            runs.append(.init(workers: workers, throughput: throughput, backlog: backlog, idle: idle))
        }
        return runs
    }

    /// `jobs` independent no-op jobs enqueued in one transaction, then drained.
    func throughput(workers: Int) async throws -> QueueBenchResult.Throughput {
        try await reset()
        let pipeline = try Pipeline([BenchNoOpStep(Self.noop)])
        let specs = (0..<jobs).map {
            JobSpec(
                step: Self.noop, date: Self.firstDate, arguments: "{\"i\":\($0)}", timeout: .seconds(60),
                priority: distinctPriorities ? $0 : 0)
        }
        let queue = JobQueue(store: store, lease: lease), correlationID = RunLog.newRunID(prefix: "bench-queue")
        let enqueueStarted = ContinuousClock.now
        let opened = try await queue.enqueue(specs, correlationID: correlationID)
        let enqueueSeconds = (ContinuousClock.now - enqueueStarted) / .seconds(1)
        guard opened == jobs else { throw QueueBenchFailure("enqueued \(opened) of \(jobs) jobs") }
        let worker = Worker(
            queue: queue, pipeline: pipeline, concurrency: workers, pollInterval: drainPoll,
            logger: logger)
        let drainStarted = ContinuousClock.now
        try await worker.run(drain: true)
        let drainSeconds = (ContinuousClock.now - drainStarted) / .seconds(1)
        let events = try await self.events(correlationID)
        let eventCounts = try await verify(jobs: jobs, events: events)
        guard let span = QueueEventTimings.span(events), span > 0 else {
            throw QueueBenchFailure("the events span no time (\(jobs) jobs); use more --jobs")
        }
        let perJob = QueueEventTimings.within(specs.map(\.key), from: "started", to: "succeeded", in: events)
        guard perJob.missing.isEmpty else {
            throw QueueBenchFailure("jobs without start or success: \(perJob.missing.prefix(3))")
        }
        return .init(
            jobs: jobs, distinctPriorities: distinctPriorities, enqueueSeconds: enqueueSeconds,
            enqueueJobsPerSecond: Double(jobs) / enqueueSeconds, drainWallSeconds: drainSeconds,
            claimToCompleteSeconds: span, jobsPerSecond: Double(jobs) / span,
            millisecondsPerJob: span * 1000 / Double(jobs),
            startToSuccessMilliseconds: DurationSummary(perJob.milliseconds), events: eventCounts)
    }

    /// `chains` upstream → downstream chains (one per date, through ``JobPlan``) enqueued at once, then drained.
    func backlogChains(workers: Int) async throws -> QueueBenchResult.ChainLatency {
        try await reset()
        let marks = StepMarks()
        let pipeline = try Pipeline([
            BenchNoOpStep(Self.upstream, marks: marks),
            BenchNoOpStep(Self.downstream, upstream: [Self.upstream], marks: marks),
        ])
        let dates = (0..<chains).map { Self.firstDate.adding(days: $0) }
        let specs = JobPlan.specs(pipeline: pipeline, dates: dates)
        let queue = JobQueue(store: store, lease: lease), correlationID = RunLog.newRunID(prefix: "bench-queue")
        try await queue.enqueue(specs, correlationID: correlationID)
        let worker = Worker(
            queue: queue, pipeline: pipeline, concurrency: workers, pollInterval: drainPoll,
            logger: logger)
        try await worker.run(drain: true)
        return try await chainLatency(
            specs: specs, dates: dates, marks: marks, correlationID: correlationID, poll: drainPoll)
    }

    /// `idleChains` chains, each enqueued once the previous one is done and a random part of a poll interval has
    /// passed, so the worker is asleep between polls when the upstream job arrives. A watchdog stops the worker when
    /// no chain finishes for ``stallLimit`` plus four poll intervals (a job that failed would otherwise be waited
    /// for forever).
    func idleChains(workers: Int) async throws -> QueueBenchResult.ChainLatency {
        try await reset()
        let marks = StepMarks(), progress = FinishedChains()
        let (finished, finishing) = AsyncStream.makeStream(of: GameDate.self)
        let pipeline = try Pipeline([
            BenchNoOpStep(Self.upstream, marks: marks),
            BenchNoOpStep(Self.downstream, upstream: [Self.upstream], marks: marks) { date in
                progress.count.add(1, ordering: .relaxed)
                finishing.yield(date)
            },
        ])
        let window = stallLimit + idlePoll * 4
        let dates = (0..<idleChains).map { Self.firstDate.adding(days: $0) }
        let queue = JobQueue(store: store, lease: lease), correlationID = RunLog.newRunID(prefix: "bench-queue")
        let worker = Worker(
            queue: queue, pipeline: pipeline, concurrency: workers, pollInterval: idlePoll,
            logger: logger)
        let stop = StopFlag()
        var specs: [JobSpec] = []
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { finishing.finish() }
                try await worker.run(drain: false) { stop.isSet }
            }
            group.addTask {  // the watchdog
                var last = (count: progress.count.load(ordering: .relaxed), at: ContinuousClock.now)
                while !stop.isSet {
                    try await Task.sleep(for: .milliseconds(100))
                    let count = progress.count.load(ordering: .relaxed)
                    if count != last.count {
                        last = (count, ContinuousClock.now)
                    } else if ContinuousClock.now - last.at > window {
                        stop.set()  // the worker stops and finishes the stream
                    }
                }
            }
            var done = finished.makeAsyncIterator()
            for date in dates {
                try await Task.sleep(for: idlePoll * Double.random(in: 0..<1))
                let chain = JobPlan.specs(pipeline: pipeline, dates: [date])
                specs += chain
                try await queue.enqueue(chain, correlationID: correlationID)
                guard let finishedDate = await done.next() else {
                    stop.set()
                    try await group.waitForAll()  // the worker's error, if it threw
                    throw QueueBenchFailure(
                        "the chain of \(date) did not finish within \(window) (the last "
                            + "scenario's jobs stay in the store with --keep)")
                }
                guard finishedDate == date else {
                    throw QueueBenchFailure("chain \(finishedDate) finished, expected \(date)")
                }
            }
            stop.set()
            try await group.waitForAll()
        }
        return try await chainLatency(
            specs: specs, dates: dates, marks: marks, correlationID: correlationID, poll: idlePoll)
    }

    private func chainLatency(
        specs: [JobSpec], dates: [GameDate], marks: StepMarks, correlationID: String,
        poll: Duration
    ) async throws -> QueueBenchResult.ChainLatency {
        let events = try await self.events(correlationID)
        let eventCounts = try await verify(jobs: specs.count, events: events)
        let edges = specs.flatMap { spec in
            spec.dependencies.map { QueueEventTimings.Edge(downstream: spec.key, upstream: $0.key) }
        }
        guard edges.count == dates.count else {
            throw QueueBenchFailure("\(edges.count) edges for \(dates.count) chains")
        }
        let completion = QueueEventTimings.completionToStart(events, edges: edges)
        let upstreamKeys = dates.map { JobSpec.key(step: Self.upstream, date: $0) }
        let pickup = QueueEventTimings.within(upstreamKeys, from: "queued", to: "started", in: events)
        let precise = marks.commitToBegin(upstream: Self.upstream, downstream: Self.downstream, dates: dates)
        guard completion.missing.isEmpty, pickup.missing.isEmpty, precise.count == dates.count else {
            throw QueueBenchFailure("chains without both events: \((completion.missing + pickup.missing).prefix(3))")
        }
        return .init(
            chains: dates.count, pollMilliseconds: poll / .milliseconds(1),
            completionToStartMilliseconds: DurationSummary(completion.milliseconds),
            commitToBeginMilliseconds: DurationSummary(precise),
            queuedToStartMilliseconds: DurationSummary(pickup.milliseconds), events: eventCounts)
    }

    /// Checks that every one of `jobs` jobs is done and was queued, started and succeeded exactly once (a benchmark of
    /// a run that failed or retried would measure something else); returns the event counts.
    private func verify(jobs: Int, events: [QueueEventRecord]) async throws -> [String: Int] {
        let counts = try await JobQueue(store: store).counts()
        guard counts[.done] == jobs, counts.values.reduce(0, +) == jobs else {
            let held = counts.map { "\($0.key.rawValue) \($0.value)" }.sorted()
            throw QueueBenchFailure("expected \(jobs) done jobs, the queue holds \(held)")
        }
        let eventCounts = QueueEventTimings.counts(events)
        guard eventCounts == ["queued": jobs, "started": jobs, "succeeded": jobs] else {
            let found = eventCounts.sorted { $0.key < $1.key }
            throw QueueBenchFailure("expected \(jobs) queued, started and succeeded events, found \(found)")
        }
        return eventCounts
    }

    /// The events of one enqueue, oldest first.
    func events(_ correlationID: String) async throws -> [QueueEventRecord] {
        try await JobBoard(db: store.sql).events(correlationID: correlationID).map { event in
            guard let at = QueueTime.date(event.occurredAt) else {
                throw QueueBenchFailure("occurred_at '\(event.occurredAt)' is not a queue time")
            }
            return QueueEventRecord(key: event.jobKey, event: event.event, at: at)
        }
    }

    /// Empties the queue (the store is a scratch store of the benchmark's own).
    func reset() async throws {
        try await JobQueue(store: store).removeEveryJob()
    }
}

/// Chains of the idle scenario finished so far (read by its watchdog).
final class FinishedChains: Sendable {
    let count = Atomic<Int>(0)
}

/// The benchmark could not measure what it set out to (the queue did not end as expected).
struct QueueBenchFailure: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
