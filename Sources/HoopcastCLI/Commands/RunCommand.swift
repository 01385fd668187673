import ArgumentParser
import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import Logging

/// `hoopcast run --date D`: every phase for D, as of the morning of D.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daily pipeline for a date, point in time (only data before the date, plus its schedule and lines).",
        discussion: """
            Steps run as a DAG; each attempt is recorded in ops_step_executions. A failing step stops its \
            downstream steps and the command exits non-zero with the error.
            """
    )

    @Option(help: "The game date, YYYY-MM-DD.")
    var date: String

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        let outcome = try await storeOptions.withStore { store in try await RunWorkflow(store: store, registry: registry, linePolicy: linePolicy).run(date: day) }
        outcome.print()
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

/// Runs the daily pipeline for one date and records the run (shared by `run` and `demo`).
struct RunWorkflow: Sendable {
    let store: Store
    let registry: ModelRegistry
    var linePolicy: LinePolicy = .consensus

    func run(date: GameDate) async throws -> PipelineRunner.DateOutcome {
        let runID = RunLog.newRunID(prefix: "run")
        let runLog = RunLog(store: store)
        try await runLog.start(runID: runID, command: "run --date \(date)")
        let runner = PipelineRunner(pipeline: try DailyPipeline.make(registry: registry, linePolicy: linePolicy), store: store,
                                    logger: Logger(label: "hoopcast.run"))
        let outcome = try await runner.run(date: date, runID: runID)
        try await runLog.finish(runID: runID, error: outcome.firstFailure.map { "\($0.step): \($0.error ?? "")" })
        return outcome
    }
}

extension PipelineRunner.DateOutcome {
    /// Prints one line per step.
    func print() {
        Terminal.out("run \(runID) for \(date):")
        for step in steps {
            let time = String(format: "%.2f s", step.seconds)
            switch step.status {
            case .succeeded:
                let notes = step.report?.notes.joined(separator: "; ") ?? ""
                Terminal.out("  ✓ \(step.step) (\(time), \(step.report?.rowsWritten ?? 0) rows written) \(notes)")
            case .failed:
                Terminal.out("  ✗ \(step.step) (\(time)) failed: \(step.error ?? "")")
            case .skipped:
                Terminal.out("  - \(step.step) skipped: \(step.error ?? "")")
            case .running:
                Terminal.out("  ? \(step.step) did not finish")
            }
        }
    }
}
