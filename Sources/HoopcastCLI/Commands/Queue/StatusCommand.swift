import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastStore

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
        let queued: Int
        let running: Int
        let failed: Int
        let done: Int
        let waiting: Int
        let dates: [JobBoard.DateProgress]
    }

    func run() async throws {
        let limit = max(1, dates)
        let status = try await storeOptions.withStore { store in
            let counts = try await JobQueue(store: store).counts()
            return Status(
                queued: counts[.queued] ?? 0, running: counts[.running] ?? 0, failed: counts[.failed] ?? 0,
                done: counts[.done] ?? 0, waiting: counts[.waiting] ?? 0,
                dates: try await JobBoard(db: store.sql).progress(latestDates: limit))
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
