import Foundation
import HoopcastCore
import HoopcastStore
import Logging

/// Runs a ``Pipeline`` for one date in-process (embedded mode): steps in dependency order, each attempt recorded in
/// the execution log, a time limit enforced while each step runs, and every downstream step of a failure skipped.
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
        /// Wall time in seconds.
        public let seconds: Double
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
    /// The warehouse.
    public let store: Store
    /// The base logger.
    public let logger: Logger

    /// Creates a runner.
    public init(pipeline: Pipeline, store: Store, logger: Logger = Logger(label: "hoopcast.engine")) {
        self.pipeline = pipeline
        self.store = store
        self.logger = logger
    }

    /// Runs every step for `date` under `runID`; never throws for a step failure (see ``DateOutcome``), only when
    /// the execution log itself cannot be written.
    public func run(date: GameDate, runID: String) async throws -> DateOutcome {
        let log = ExecutionLog(store: store)
        var outcomes: [StepOutcome] = []
        var failed: [String: String] = [:]  // step → reason, for failed and skipped steps
        for step in pipeline.ordered {
            if let blocker = step.upstream.first(where: { failed[$0] != nil }) {
                let reason = "upstream step \(blocker) did not succeed"
                try await log.skipped(runID: runID, step: step.name, date: date, reason: reason)
                failed[step.name] = reason
                outcomes.append(StepOutcome(step: step.name, status: .skipped, report: nil, error: reason, seconds: 0))
                continue
            }
            var stepLogger = logger
            stepLogger[metadataKey: "run_id"] = .string(runID)
            stepLogger[metadataKey: "step"] = .string(step.name)
            stepLogger[metadataKey: "date"] = .string(date.description)
            let context = StepContext(store: store, runID: runID, logger: stepLogger)
            _ = try await log.started(runID: runID, step: step.name, date: date, attempt: 1)
            let started = Date()
            do {
                let report = try await PipelineRunner.withTimeout(seconds: step.timeoutSeconds, step: step.name) {
                    try await step.run(date: date, context: context)
                }
                let seconds = Date().timeIntervalSince(started)
                try await log.finished(runID: runID, step: step.name, date: date, attempt: 1, status: .succeeded,
                                       rowsWritten: report.rowsWritten, error: nil)
                stepLogger.info("step succeeded", metadata: ["rows_written": "\(report.rowsWritten)"])
                outcomes.append(StepOutcome(step: step.name, status: .succeeded, report: report, error: nil,
                                            seconds: seconds))
            } catch {
                let seconds = Date().timeIntervalSince(started)
                let message = "\(error)"
                try await log.finished(runID: runID, step: step.name, date: date, attempt: 1, status: .failed,
                                       rowsWritten: nil, error: message)
                stepLogger.error("step failed", metadata: ["error": .string(message)])
                failed[step.name] = message
                outcomes.append(StepOutcome(step: step.name, status: .failed, report: nil, error: message,
                                            seconds: seconds))
            }
        }
        return DateOutcome(date: date, runID: runID, steps: outcomes)
    }

    /// Runs `body`, cancelling it and throwing when it takes longer than `seconds`.
    static func withTimeout<R: Sendable>(seconds: Double, step: String,
                                         _ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: R?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw StepFailure("step \(step) exceeded its time limit of \(seconds) s and was cancelled")
            }
            return result
        }
    }
}
