import ArgumentParser
import Foundation
import HoopcastAlerts
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastLive
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
            "Print JSON: {\"queued\":…,\"running\":…,\"failed\":…,\"done\":…,\"waiting\":…,\"dates\":[…],\"checks\":[…],\"alerts\":[…],\"failing_sources\":[…]}."
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
        /// The alerts firing now (`hoopcast alerts list` shows them all).
        let alerts: [FiringAlert]
        /// The live sources failing now, with since when.
        let failingSources: [FailingSource]
    }

    /// An alert that is on.
    struct FiringAlert: Encodable {
        let key: String
        let severity: String
        let title: String
        let since: String
    }

    /// A live source whose every attempt has failed since `since`.
    struct FailingSource: Encodable {
        let source: String
        let since: String
        let failures: Int
        let lastError: String?
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
            let alerts = try await AlertLedger(db: store.sql).firing().values
                .sorted { ($0.alert.severity, $1.firstSeen) > ($1.alert.severity, $0.firstSeen) }
                .map {
                    FiringAlert(
                        key: $0.alert.key, severity: $0.alert.severity.rawValue, title: $0.alert.title,
                        since: $0.firstSeen.description)
                }
            let sources = try await SourceHealthBoard(db: store.sql).all().compactMap { health in
                health.failingSince.map {
                    FailingSource(
                        source: health.source, since: $0.description, failures: health.failures,
                        lastError: health.lastError)
                }
            }
            return Status(
                queued: counts[.queued] ?? 0, running: counts[.running] ?? 0, failed: counts[.failed] ?? 0,
                done: counts[.done] ?? 0, waiting: counts[.waiting] ?? 0, dates: progress, checks: checks,
                alerts: alerts, failingSources: sources)
        }
        if json {
            Terminal.out(try JSONOutput.encode(status))
            return
        }
        Terminal.out(
            "jobs: \(status.queued) queued, \(status.waiting) waiting, \(status.running) running, "
                + "\(status.failed) failed, \(status.done) done")
        for alert in status.alerts {
            Terminal.out("alert [\(alert.severity)] \(alert.title) (since \(alert.since); \(alert.key))")
        }
        for source in status.failingSources {
            Terminal.out(
                "source \(source.source) failing since \(source.since) (\(source.failures) attempts): "
                    + (source.lastError ?? "no error recorded"))
        }
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
