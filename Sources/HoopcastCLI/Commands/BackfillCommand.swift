import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// `hoopcast backfill --from D1 --to D2`: the daily pipeline for every date with games, in date order.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Run the daily pipeline for every date with games in a range, in date order (resumable).",
        discussion: """
            Dates whose every step already succeeded are skipped unless --force (use --force after importing \
            corrections to past data). A failing date is reported and the backfill continues; the exit code is 1 \
            when any date failed.
            """
    )

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date, YYYY-MM-DD (inclusive).")
    var to: String

    @Flag(help: "Re-run dates that already finished.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, last) = try DateRange.parse(from: from, to: to)
        let force = force
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        let outcome = try await storeOptions.withStore { store in
            try await Backfill(pipeline: try DailyPipeline.make(registry: registry, linePolicy: linePolicy), store: store)
                .run(from: first, to: last, force: force) { BackfillCommand.show($0) }
        }
        if Terminal.isInteractive { Terminal.err("\n") }
        Terminal.out("backfill \(first)…\(last): \(outcome.ran.count) dates run, \(outcome.skipped.count) already done, "
            + "\(outcome.failed.count) failed")
        for failure in outcome.failed { Terminal.out("  ✗ \(failure.date) \(failure.step): \(failure.error)") }
        if !outcome.failed.isEmpty { throw ExitCode(1) }
    }

    /// A redrawn bar with ETA on a terminal; one line per date otherwise.
    static func show(_ progress: Backfill.Progress) {
        let eta = progress.remaining.map { String(format: "ETA %.0f s", $0) } ?? "ETA –"
        if Terminal.isInteractive {
            let width = 30, filled = progress.total > 0 ? width * progress.done / progress.total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Terminal.err("\r\u{1B}[2K[\(bar)] \(progress.done)/\(progress.total) \(progress.date) \(progress.status), \(eta)")
        } else {
            Terminal.err("\(progress.done)/\(progress.total) \(progress.date) \(progress.status) "
                + String(format: "(%.1f s elapsed, ", progress.elapsed) + "\(eta))\n")
        }
    }
}
