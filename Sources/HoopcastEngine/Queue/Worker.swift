import Foundation
import HoopcastCore
import HoopcastStore
import Logging
import Metrics

/// Runs queued jobs: claims one, runs its step under a time limit with heartbeats, then commits the step's writes
/// together with the job's completion — or records the failure for a retry or for good.
///
/// Time is the queue's clock (``JobQueue/clock``): polls, heartbeats, outage waits and elapsed times.
///
/// Many workers (threads of one process, processes, machines) can share one queue: claims never hand the same job
/// to two of them, and an attempt that lost its lease cannot complete. A worker claims only jobs of the steps its
/// pipeline has (others wait for a worker that can run them).
public struct Worker: Sendable {
    public let queue: JobQueue
    public let pipeline: Pipeline
    /// Identifies the worker in leases and events (host, process, random suffix).
    public let name: String
    /// Jobs run at once.
    public let concurrency: Int
    /// How long to sleep when nothing is runnable.
    public let pollInterval: Duration
    /// How long the queue may stay unreachable before the worker gives up (it retries with jittered backoff).
    public let storeOutageLimit: Duration
    public let logger: Logger
    /// Where each attempt's duration goes (``stepDurationMetric``); `serve` passes its Prometheus registry's.
    let metrics: any MetricsFactory

    /// Creates a worker.
    public init(
        queue: JobQueue, pipeline: Pipeline, name: String = Worker.defaultName(), concurrency: Int = 1,
        pollInterval: Duration = .milliseconds(500), storeOutageLimit: Duration = .seconds(600),
        logger: Logger = Logger(label: "hoopcast.worker"), metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.metrics = metrics
        precondition(concurrency >= 1 && pollInterval > .zero && storeOutageLimit >= .zero)
        self.storeOutageLimit = storeOutageLimit
        self.queue = queue
        self.pipeline = pipeline
        self.name = name
        self.concurrency = concurrency
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// `host-pid-random`.
    public static func defaultName() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return
            "\(host)-\(ProcessInfo.processInfo.processIdentifier)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    /// How one claimed job ended.
    public enum Outcome: Sendable, Hashable {
        case done(rowsWritten: Int, notes: [String] = [])
        case failed(FailureOutcome)
        case leaseLost
    }

    /// Runs jobs until `shouldStop` says so (checked between jobs) or, with `drain`, until no job of its pipeline's
    /// steps is queued or running (jobs of other steps are left to workers that can run them). Housekeeping
    /// (rescuing expired leases, deadlines) runs on every idle poll.
    public func run(drain: Bool = false, shouldStop: @escaping @Sendable () -> Bool = { false }) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slot in 0..<concurrency {
                group.addTask { try await self.loop(slot: slot, drain: drain, shouldStop: shouldStop) }
            }
            try await group.waitForAll()
        }
    }

    private func loop(slot: Int, drain: Bool, shouldStop: @Sendable () -> Bool) async throws {
        let owner = concurrency == 1 ? name : "\(name)/\(slot)"
        let steps = pipeline.ordered.map(\.name)
        let clock = queue.clock
        var outage = StoreOutage(limit: storeOutageLimit, clock: clock)
        while !shouldStop() && !Task.isCancelled {
            do {
                if let job = try await queue.claim(owner: owner, steps: steps) {
                    outage.recovered()
                    _ = try await process(job)
                    continue
                }
                try await queue.rescue()
                try await queue.applyDeadlines()
                if drain {
                    let counts = try await queue.counts(steps: steps)
                    if (counts[.queued] ?? 0) == 0 && (counts[.running] ?? 0) == 0 { return }
                }
                outage.recovered()
            } catch let error where !(error is CancellationError) {
                // The queue itself could not be read or written (a restarting server, a dropped connection): wait
                // and try again, up to the outage limit. A job it was running keeps its lease until the lease
                // expires; then it is rescued, and this attempt's late commit is refused.
                let delay = try outage.failed(error)
                logger.warning(
                    "queue unavailable; retrying",
                    metadata: [
                        "worker": "\(owner)", "error": "\(error)", "retry_in_seconds": "\(delay.seconds)",
                    ])
                try await clock.sleep(for: delay)
                continue
            }
            try await clock.sleep(for: pollInterval)
        }
    }

    /// Runs one claimed job to its outcome (never throws for the step's failure; only when the queue itself cannot
    /// be written).
    public func process(_ job: ClaimedJob) async throws -> Outcome {
        let started = queue.clock.now
        let outcome = try await attempt(job)
        let label: String
        switch outcome {
        case .done: label = "done"
        case .failed: label = "failed"
        case .leaseLost: label = "lease_lost"
        }
        Timer(
            label: Worker.stepDurationMetric, dimensions: [("step", job.step), ("outcome", label)], factory: metrics
        ).recordNanoseconds(Int64(max(.zero, started.duration(to: queue.clock.now)) / .nanoseconds(1)))
        return outcome
    }

    /// The histogram of step attempts by step and outcome (`done`, `failed`, `lease_lost`), in seconds.
    public static let stepDurationMetric = "hoopcast_step_attempt_duration_seconds"

    private func attempt(_ job: ClaimedJob) async throws -> Outcome {
        var jobLogger = logger
        jobLogger[metadataKey: "correlation_id"] = .string(job.correlationID)
        jobLogger[metadataKey: "job"] = .string(job.key)
        jobLogger[metadataKey: "attempt"] = .string("\(job.attempt)")
        jobLogger[metadataKey: "worker"] = .string(job.owner)
        let clock = queue.clock, started = clock.now
        @Sendable func elapsed() -> Duration { max(.zero, started.duration(to: clock.now)) }
        guard let step = pipeline.ordered.first(where: { $0.name == job.step }) else {
            let outcome = try await queue.fail(
                job, error: ClassifiedError(.permanent, "unknown step \(job.step)"), elapsed: .zero)
            return .failed(outcome)
        }
        let context = StepContext(
            store: queue.store, runID: job.correlationID, logger: jobLogger, queue: queue,
            acknowledge: { [queue] db, rows in
                try await queue.complete(job, rowsWritten: rows, elapsed: elapsed(), on: db)
            },
            reject: { [queue] db, rows, reason in
                try await queue.fail(job, permanently: reason, rowsWritten: rows, elapsed: elapsed(), on: db)
            })
        let heartbeat = Task { [queue, jobLogger] in
            while !Task.isCancelled {
                do {
                    try await clock.sleep(for: queue.lease / 3)
                    // Lost: the job was rescued; the commit will refuse, nothing more to renew. The beat itself is
                    // not cancelled with this task: it ends its transaction either way.
                    guard try await Task(operation: { try await queue.heartbeat(job) }).value else { return }
                } catch is CancellationError {
                    return
                } catch {
                    // The next beat may get through; if none does, the lease expires and the job is rescued.
                    jobLogger.warning("heartbeat failed", metadata: ["error": "\(error)"])
                }
            }
        }
        defer { heartbeat.cancel() }
        do {
            let report = try await Deadline.run(limit: job.timeout, step: job.step) {
                try await step.run(date: job.date, context: context)
            }
            if !context.committed {  // the step wrote nothing: acknowledge on its own
                try await queue.store.transaction { [queue] db in
                    try await queue.complete(job, rowsWritten: report.rowsWritten, elapsed: elapsed(), on: db)
                }
            }
            jobLogger.info(
                "job succeeded", metadata: ["rows_written": "\(report.rowsWritten)", "seconds": "\(elapsed().seconds)"])
            return .done(rowsWritten: report.rowsWritten, notes: report.notes)
        } catch is LeaseLost {
            jobLogger.warning("job lost its lease; its writes were rolled back")
            return .leaseLost
        } catch let failure as CommittedFailure {
            // Already recorded in the transaction of the step's writes: failed for good, with its dependents.
            jobLogger.error(
                "job failed; its writes were committed with the failure", metadata: ["error": "\(failure.reason)"])
            return .failed(.failed(dependents: failure.dependents ?? 0))
        } catch {
            let outcome = try await queue.fail(job, error: error, elapsed: elapsed())
            jobLogger.error("job failed", metadata: ["error": "\(error)", "outcome": "\(outcome)"])
            return outcome == .leaseLost ? .leaseLost : .failed(outcome)
        }
    }
}
