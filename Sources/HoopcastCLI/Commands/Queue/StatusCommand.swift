import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `hoopcast status [--json]`: the job queue at a glance: jobs per state and per-date progress.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the job queue: queued, running, failed and done jobs, and per-date progress."
    )

    @Flag(help: "Print JSON: {\"queued\":…,\"running\":…,\"failed\":…,\"done\":…,\"waiting\":…,\"dates\":[…]}.")
    var json = false

    @Option(help: "Show at most this many dates (the most recent).")
    var dates = 30

    @OptionGroup var storeOptions: StoreOptions

    /// The printed status.
    struct Status: Encodable {
        struct DateProgress: Encodable {
            let date: String
            let jobs: Int
            let done: Int
            let running: Int
            let failed: Int
        }
        let queued: Int
        let running: Int
        let failed: Int
        let done: Int
        let waiting: Int
        let dates: [DateProgress]
    }

    func run() async throws {
        let limit = max(1, dates)
        let status = try await storeOptions.withStore { store in
            let counts = try await JobQueue(store: store).counts()
            var byDate: [String: (jobs: Int, done: Int, running: Int, failed: Int)] = [:]
            for row in try await store.sql.raw(
                """
                SELECT partition_date, status, COUNT(*) AS n FROM ops_jobs
                WHERE partition_date IN (SELECT DISTINCT partition_date FROM ops_jobs ORDER BY partition_date DESC LIMIT \(bind: limit))
                GROUP BY partition_date, status
                """
            ).all() {
                let date = try row.value("partition_date", as: String.self), n = try row.value("n", as: Int.self)
                var entry = byDate[date] ?? (0, 0, 0, 0)
                entry.jobs += n
                switch try row.value("status", as: String.self) {
                case "done": entry.done += n
                case "running": entry.running += n
                case "failed": entry.failed += n
                default: break
                }
                byDate[date] = entry
            }
            return Status(
                queued: counts[.queued] ?? 0, running: counts[.running] ?? 0, failed: counts[.failed] ?? 0,
                done: counts[.done] ?? 0, waiting: counts[.waiting] ?? 0,
                dates: byDate.keys.sorted().map { date in
                    let entry = byDate[date]!
                    return .init(
                        date: date, jobs: entry.jobs, done: entry.done, running: entry.running, failed: entry.failed)
                })
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
    }
}
