import Foundation
import HoopcastCore
import HoopcastStore
import Logging
import SQLKit

/// Runs a ``Pipeline`` for one date in-process (embedded mode) through the durable queue: the date's jobs are
/// queued under the run id (re-opening finished ones) and processed here, in dependency order, by the same
/// ``Worker/process(_:)`` as `hoopcast worker` — the same leases, time limits, retries, execution and event logs —
/// and every downstream job of a failure fails with it (reported as skipped).
public struct PipelineRunner: Sendable {
    /// The outcome of one step for the date.
    public struct StepOutcome: Sendable {
        /// The step name.
        public let step: String
        /// How it ended.
        public let status: ExecutionLog.Status
        /// Its report when it succeeded.
        public let report: StepReport?
        /// The error text when it failed or was skipped.
        public let error: String?
        /// Wall time (all attempts), on the queue's clock.
        public let elapsed: Duration
    }

    /// The outcome of a whole date.
    public struct DateOutcome: Sendable {
        /// The date run.
        public let date: GameDate
        /// The run id.
        public let runID: String
        /// Every step, in execution order.
        public let steps: [StepOutcome]
        /// True when every step succeeded.
        public var succeeded: Bool { steps.allSatisfy { $0.status == .succeeded } }
        /// The first failure, if any.
        public var firstFailure: StepOutcome? { steps.first { $0.status == .failed } }
    }

    /// The pipeline to run.
    public let pipeline: Pipeline
    /// The queue (in the warehouse) its jobs go through.
    public let queue: JobQueue
    /// The base logger.
    public let logger: Logger
    /// The warehouse.
    public var store: Store { queue.store }

    /// Creates a runner; `retry` paces the retries of transient failures, `clock` is the queue's time.
    public init(
        pipeline: Pipeline, store: Store, retry: RetryPolicy = JobQueue.defaultRetry,
        clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "hoopcast.engine")
    ) {
        self.pipeline = pipeline
        self.queue = JobQueue(store: store, clock: clock, retry: retry)
        self.logger = logger
    }

    /// Runs every step for `date` under `runID` (the correlation id of its jobs); never throws for a step failure
    /// (see ``DateOutcome``), only when the queue itself cannot be written.
    public func run(date: GameDate, runID: String) async throws -> DateOutcome {
        let specs = JobPlan.specs(pipeline: pipeline, dates: [date])
        try await queue.enqueue(specs, correlationID: runID, force: true)
        let worker = Worker(queue: queue, pipeline: pipeline, name: "run-\(runID)", logger: logger)
        let clock = queue.clock
        var reports: [String: StepReport] = [:], elapsed: [String: Duration] = [:]
        while true {
            if let job = try await queue.claim(owner: worker.name, correlationID: runID) {
                let started = clock.now
                let outcome = try await worker.process(job)
                elapsed[job.step, default: .zero] += max(.zero, started.duration(to: clock.now))
                if case let .done(rows, notes) = outcome {
                    reports[job.step] = StepReport(rowsWritten: rows, notes: notes)
                }
                continue
            }
            let open = try await queue.counts(correlationID: runID)
            guard (open[.queued] ?? 0) + (open[.running] ?? 0) > 0 else { break }
            try await queue.rescue()
            try await clock.sleep(for: .milliseconds(20))  // a retry's delay, or a job of this run held elsewhere
        }
        let jobs = try await JobBoard(db: store.sql).jobs(keys: specs.map(\.key))
        // A job another run opened or holds is that run's to finish: say which run and worker, not just "did not
        // finish".
        let foreign = Dictionary(
            uniqueKeysWithValues: try await queue.jobsOfOtherRuns(specs.map(\.key), correlationID: runID)
                .map { ($0.jobKey, $0) })
        var steps: [StepOutcome] = []
        for spec in specs {
            let job = jobs[spec.key]
            let error = job?.lastError
            switch job?.status {
            case .done:
                steps.append(
                    StepOutcome(
                        step: spec.step, status: .succeeded, report: reports[spec.step] ?? StepReport(rowsWritten: 0),
                        error: nil, elapsed: elapsed[spec.step] ?? .zero))
            case .failed where job?.errorKind == FailureKind.upstream.rawValue:
                steps.append(StepOutcome(step: spec.step, status: .skipped, report: nil, error: error, elapsed: .zero))
            case .failed:
                steps.append(
                    StepOutcome(
                        step: spec.step, status: .failed, report: nil, error: error,
                        elapsed: elapsed[spec.step] ?? .zero))
            default:  // still held by a job of another run (running elsewhere)
                let reason =
                    foreign[spec.key].map { "another process has it: \($0)" }
                    ?? "\(job?.status.rawValue ?? "missing") in the queue"
                steps.append(StepOutcome(step: spec.step, status: .running, report: nil, error: reason, elapsed: .zero))
            }
        }
        return DateOutcome(date: date, runID: runID, steps: steps)
    }
}
