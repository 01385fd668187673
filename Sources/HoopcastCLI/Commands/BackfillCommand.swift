import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore

/// `hoopcast backfill --from D1 --to D2`: the daily pipeline for every date with games, in date order.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Run the daily pipeline for every date with games in a range through the job queue (resumable).",
        discussion: """
            Every (step, date) becomes a job in the store's queue; --workers N runs N jobs at once in this process \
            (several dates in flight, each date's steps in order, predictions after the previous date's grades). \
            Jobs already done are skipped unless --force (use --force after importing corrections to past data). \
            With --no-wait the jobs are only queued, for `hoopcast worker` processes to run. A failing date is \
            reported and the backfill continues; the exit code is 1 when any date failed.
            """
    )

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date, YYYY-MM-DD (inclusive).")
    var to: String

    @Flag(help: "Re-run dates that already finished.")
    var force = false

    @Option(help: "Jobs run at once in this process.")
    var workers = 1

    @Flag(help: "Only queue the jobs (for `hoopcast worker`); do not run them here.")
    var noWait = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, last) = try DateRange.parse(from: from, to: to)
        let force = force
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        let (workers, noWait) = (workers, noWait)
        let outcome = try await storeOptions.withStore { store -> Backfill.Outcome? in
            let backfill = Backfill(
                pipeline: try DailyPipeline.make(registry: registry, linePolicy: linePolicy),
                queue: JobQueue(store: store), calendar: RawReader(db: store.sql), workers: workers)
            if noWait {
                let (dates, correlationID) = try await backfill.enqueue(from: first, to: last, force: force)
                Terminal.out(
                    "queued \(dates.count) dates \(first)…\(last) as \(correlationID); run `hoopcast worker` to process them"
                )
                return nil
            }
            return try await backfill.run(
                from: first, to: last, force: force,
                progress: { BackfillCommand.show($0) },
                waiting: { BackfillCommand.explain($0) })
        }
        guard let outcome else { return }
        if Terminal.isInteractive { Terminal.err("\n") }
        Terminal.out(
            "backfill \(first)…\(last): \(outcome.ran.count) dates run, \(outcome.skipped.count) already done, "
                + "\(outcome.failed.count) failed")
        for failure in outcome.failed { Terminal.out("  ✗ \(failure.date) \(failure.step): \(failure.error)") }
        if !outcome.failed.isEmpty { throw ExitCode(1) }
    }

    /// Why nothing moves: which worker of another process holds which job, and when its lease runs out (a dead
    /// worker's jobs are rescued then).
    static func explain(_ leases: [HeldLease]) {
        guard let first = leases.first else { return }
        let seconds = max(0, Int(first.expiresAt.timeIntervalSinceNow.rounded(.up)))
        let more = leases.count > 1 ? " (and \(leases.count - 1) more job(s) held elsewhere)" : ""
        Terminal.err(
            "\(Terminal.isInteractive ? "\n" : "")waiting for the lease of worker \(first.owner) on "
                + "\(first.jobKey) to expire at \(QueueTime.text(first.expiresAt)) (in \(seconds) s)\(more): if that worker "
                + "died, its job is rescued then; if it is alive, it finishes the job\n")
    }

    /// A redrawn bar with ETA on a terminal; one line per date otherwise.
    static func show(_ progress: Backfill.Progress) {
        let eta = progress.remaining.map { String(format: "ETA %.0f s", $0.seconds) } ?? "ETA –"
        if Terminal.isInteractive {
            let width = 30, filled = progress.total > 0 ? width * progress.done / progress.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Terminal.err(
                "\r\u{1B}[2K[\(bar)] \(progress.done)/\(progress.total) \(progress.date) \(progress.status), \(eta)")
        } else {
            Terminal.err(
                "\(progress.done)/\(progress.total) \(progress.date) \(progress.status) "
                    + String(format: "(%.1f s elapsed, ", progress.elapsed.seconds) + "\(eta))\n")
        }
    }
}
