import ArgumentParser
import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// `hoopcast check --date D [--json]`: runs the data-quality catalogue for a date and shows every check's result,
/// its failing rows, and the date's check jobs in the queue.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the data-quality checks for a date and show their results and failing rows.",
        discussion: """
            Evaluates every check of the catalogue (raw rows, features, predictions) against the store as it is \
            now, stores the results in ops_check_results under a new run id, and prints each check with its \
            severity, what it found and up to ten failing rows (key and values), then the date's check jobs in the \
            queue (a failed one blocked the date's downstream steps). Exit code 1 when an `error` check fails. \
            See docs/architecture.md (Checks) for the catalogue.
            """
    )

    @Option(help: "The game date, YYYY-MM-DD.")
    var date: String

    @Flag(help: "Print JSON: {\"date\",\"run_id\",\"blocked\",\"checks\":[…],\"jobs\":[…]}.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    /// The printed report.
    struct Report: Encodable {
        struct Check: Encodable {
            let name: String
            let layer: String
            let severity: String
            let status: String
            let checked: Int
            let failed: Int
            let summary: String
            let compares: String
            let threshold: String
            let sample: [FailingRow]
        }
        struct Job: Encodable {
            let key: String
            let status: String
            @ExplicitNull var error: String?
        }
        let date: String
        let runID: String
        /// Whether an `error` check failed.
        let blocked: Bool
        let checks: [Check]
        let jobs: [Job]
    }

    func run() async throws {
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        let report = try await storeOptions.withStore { store in
            let runID = RunLog.newRunID(prefix: "check")
            let runLog = RunLog(store: store)
            try await runLog.start(runID: runID, command: "check --date \(day)")
            let results = try await CatalogueRun(store: store).run(date: day, runID: runID)
            let blocking = results.filter(\.blocks).map(\.definition.name)
            try await runLog.finish(
                runID: runID, error: blocking.isEmpty ? nil : "blocked by \(blocking.joined(separator: ", "))")
            let keys = CheckLayer.allCases.map { JobSpec.key(step: $0.step, date: day) }
            let jobs = try await JobBoard(db: store.sql).jobs(keys: keys)
            return Report(
                date: day.description, runID: runID, blocked: !blocking.isEmpty,
                checks: results.map { result in
                    Report.Check(
                        name: result.definition.name, layer: result.definition.layer.rawValue,
                        severity: result.definition.severity.rawValue, status: result.status.rawValue,
                        checked: result.checked, failed: result.failed, summary: result.summary,
                        compares: result.definition.compares, threshold: result.definition.threshold,
                        sample: result.sample)
                },
                jobs: keys.compactMap { key in
                    jobs[key].map { Report.Job(key: key, status: $0.status.rawValue, error: $0.lastError) }
                })
        }
        if json {
            Terminal.out(try JSONOutput.encode(report))
        } else {
            print(report)
        }
        if report.blocked { throw ExitCode(1) }
    }

    private func print(_ report: Report) {
        Terminal.out("checks for \(report.date) (run \(report.runID)):")
        for check in report.checks {
            let mark: String
            switch (check.status, check.severity) {
            case ("passed", _): mark = "✓"
            case ("failed", "error"): mark = "✗"
            case ("failed", _): mark = "!"
            default: mark = "-"
            }
            let verdict =
                check.status == "failed"
                ? "\(check.failed) of \(check.checked) failed" : check.status.replacingOccurrences(of: "_", with: " ")
            Terminal.out("  \(mark) \(check.name) (\(check.severity)) \(verdict) — \(check.summary)")
            for row in check.sample { Terminal.out("      \(row.text)") }
            if check.failed > check.sample.count {
                Terminal.out("      … and \(check.failed - check.sample.count) more")
            }
        }
        for job in report.jobs where job.status == JobStatus.failed.rawValue {
            Terminal.out("job \(job.key) failed: \(job.error ?? "")")
        }
        if report.blocked {
            Terminal.out("an error check failed: a pipeline run of this date stops there until the data is fixed")
        }
    }
}
