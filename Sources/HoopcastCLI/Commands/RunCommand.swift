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
        abstract:
            "Run the daily pipeline for a date, point in time (only data before the date, plus its schedule and lines).",
        discussion: """
            The date's steps are queued as jobs (re-opening finished ones) and run here, as a DAG, by the same \
            worker code as `hoopcast worker`: each attempt is recorded in ops_step_executions and \
            ops_pipeline_events under one run id. A failing step fails its downstream steps and the command exits \
            non-zero with the error. With --no-wait the jobs are only queued, for `hoopcast worker` processes.
            """
    )

    @Option(help: "The game date, YYYY-MM-DD.")
    var date: String

    @Flag(help: "Only queue the date's jobs (for `hoopcast worker`); do not run them here.")
    var noWait = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        if noWait {
            let (runID, jobs) = try await storeOptions.withStore { store in
                try await RunWorkflow(store: store, registry: registry, linePolicy: linePolicy).enqueue(date: day)
            }
            Terminal.out("queued \(jobs) jobs for \(day) as \(runID); run `hoopcast worker` to process them")
            return
        }
        let outcome = try await storeOptions.withStore { store in
            try await RunWorkflow(store: store, registry: registry, linePolicy: linePolicy).run(date: day)
        }
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
        let runner = PipelineRunner(
            pipeline: try DailyPipeline.make(registry: registry, linePolicy: linePolicy), store: store,
            logger: Logger(label: "hoopcast.run"))
        let outcome = try await runner.run(date: date, runID: runID)
        try await runLog.finish(runID: runID, error: outcome.firstFailure.map { "\($0.step): \($0.error ?? "")" })
        return outcome
    }

    /// Queues the date's jobs (re-opening finished ones) without running them; returns the run id and job count.
    func enqueue(date: GameDate) async throws -> (runID: String, jobs: Int) {
        let runID = RunLog.newRunID(prefix: "run")
        let specs = JobPlan.specs(
            pipeline: try DailyPipeline.make(registry: registry, linePolicy: linePolicy), dates: [date])
        try await JobQueue(store: store).enqueue(specs, correlationID: runID, force: true)
        return (runID, specs.count)
    }
}

extension PipelineRunner.DateOutcome {
    /// Prints one line per step.
    func print() {
        Terminal.out("run \(runID) for \(date):")
        if steps.contains(where: { $0.status == .running }) {
            Terminal.out(
                "  another process holds \(date)'s jobs (a `run`, `backfill` or `worker` started before this "
                    + "one): it finishes them; see `hoopcast status` and `hoopcast jobs show KEY`")
        }
        for step in steps {
            let time = String(format: "%.2f s", step.elapsed.seconds)
            switch step.status {
            case .succeeded:
                let notes = step.report?.notes.joined(separator: "; ") ?? ""
                Terminal.out("  ✓ \(step.step) (\(time), \(step.report?.rowsWritten ?? 0) rows written) \(notes)")
            case .failed:
                Terminal.out("  ✗ \(step.step) (\(time)) failed: \(step.error ?? "")")
            case .skipped:
                Terminal.out("  - \(step.step) skipped: \(step.error ?? "")")
            case .running:
                Terminal.out("  ? \(step.step) did not finish here: \(step.error ?? "")")
            }
        }
    }
}
