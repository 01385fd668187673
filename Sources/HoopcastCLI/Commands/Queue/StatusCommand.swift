import ArgumentParser
import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// `hoopcast status [--json]`: the job queue at a glance: jobs per state and per-date progress, and the dates'
/// data-quality checks (the latest result of each).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the job queue: queued, running, failed and done jobs, and per-date progress."
    )

    @Flag(
        help:
            "Print JSON: {\"queued\":…,\"running\":…,\"failed\":…,\"done\":…,\"waiting\":…,\"dates\":[…],\"checks\":[…]}."
    )
    var json = false

    @Option(help: "Show at most this many dates (the most recent).")
    var dates = 30

    @OptionGroup var storeOptions: StoreOptions

    /// The printed status.
    struct Status: Encodable {
        let queued: Int
        let running: Int
        let failed: Int
        let done: Int
        let waiting: Int
        let dates: [JobBoard.DateProgress]
        /// The shown dates that have check results: the failed checks of the latest result of each.
        let checks: [DateChecks]
    }

    /// A date's checks at a glance: the `error` checks that failed (they block it) and the `warn` checks that did.
    struct DateChecks: Encodable {
        let date: String
        let blockedBy: [String]
        let warnings: [String]
    }

    func run() async throws {
        let limit = max(1, dates)
        let status = try await storeOptions.withStore { store in
            let counts = try await JobQueue(store: store).counts()
            let progress = try await JobBoard(db: store.sql).progress(latestDates: limit)
            let latest = try await CheckResultReader(db: store.sql).latest(
                on: progress.compactMap { GameDate($0.date) })
            let checks = latest.keys.sorted(by: >).map { date in
                let failed = (latest[date] ?? []).filter { $0.result.status == .failed }.map(\.result.definition)
                return DateChecks(
                    date: date.description, blockedBy: failed.filter { $0.severity == .error }.map(\.name),
                    warnings: failed.filter { $0.severity == .warn }.map(\.name))
            }
            return Status(
                queued: counts[.queued] ?? 0, running: counts[.running] ?? 0, failed: counts[.failed] ?? 0,
                done: counts[.done] ?? 0, waiting: counts[.waiting] ?? 0, dates: progress, checks: checks)
        }
        if json {
            Terminal.out(try JSONOutput.encode(status))
            return
        }
        Terminal.out(
            "jobs: \(status.queued) queued, \(status.waiting) waiting, \(status.running) running, "
                + "\(status.failed) failed, \(status.done) done")
        guard !status.dates.isEmpty else { return }
        var table = [["date", "jobs", "done", "running", "failed"]]
        for entry in status.dates {
            table.append([entry.date, "\(entry.jobs)", "\(entry.done)", "\(entry.running)", "\(entry.failed)"])
        }
        Terminal.out(TextTable.render(table))
        guard !status.checks.isEmpty else { return }
        Terminal.out("checks (latest result per check; `hoopcast check --date D` shows the failing rows):")
        var checks = [["date", "blocked by", "warnings"]]
        for entry in status.checks {
            checks.append([
                entry.date, entry.blockedBy.isEmpty ? "-" : entry.blockedBy.joined(separator: ", "),
                entry.warnings.isEmpty ? "-" : entry.warnings.joined(separator: ", "),
            ])
        }
        Terminal.out(TextTable.render(checks))
    }
}
