import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `hoopcast jobs list|show|retry`: inspect queued work and retry what failed.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, inspect and retry jobs of the queue.",
        subcommands: [List.self, Show.self, Retry.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs (most recent dates first).")

        @Option(help: "Only jobs in this state: waiting, queued, running, done or failed.")
        var status: String?

        @Option(help: "At most this many jobs.")
        var limit = 50

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            if let status, JobStatus(rawValue: status) == nil {
                throw ValidationError(
                    "--status '\(status)': use one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (status, limit) = (status, max(1, limit))
            let rows = try await storeOptions.withStore { store in
                let filter: SQLQueryString = status.map { "WHERE status = \(bind: $0)" } ?? ""
                return try await store.sql.raw(
                    """
                    SELECT job_key, status, attempts, max_attempts, error_kind, last_error FROM ops_jobs \(filter)
                    ORDER BY partition_date DESC, priority LIMIT \(bind: limit)
                    """
                ).all().map { row in
                    [
                        try row.value("job_key", as: String.self), try row.value("status", as: String.self),
                        "\(try row.value("attempts", as: Int.self))/\(try row.value("max_attempts", as: Int.self))",
                        try row.value("error_kind", as: String?.self) ?? "",
                        String((try row.value("last_error", as: String?.self) ?? "").prefix(80)),
                    ]
                }
            }
            Terminal.out(TextTable.render([["job", "status", "attempts", "error kind", "error"]] + rows))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one job, its dependencies and its events.")

        @Argument(help: "The job key, e.g. predict.systems/2024-01-15.")
        var key: String

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let key = key
            let lines = try await storeOptions.withStore { store -> [String] in
                guard
                    let job = try await store.sql.raw(
                        """
                        SELECT status, attempts, max_attempts, correlation_id, lease_owner, lease_expires_at, run_after,
                            error_kind, last_error, rows_written, created_at, finished_at
                        FROM ops_jobs WHERE job_key = \(bind: key)
                        """
                    ).first()
                else { throw ValidationError("no job \(key)") }
                var lines = [
                    "\(key): \(try job.value("status", as: String.self)), attempt \(try job.value("attempts", as: Int.self)) "
                        + "of \(try job.value("max_attempts", as: Int.self)), correlation \(try job.value("correlation_id", as: String.self))"
                ]
                if let owner = try job.value("lease_owner", as: String?.self) {
                    lines.append(
                        "  leased by \(owner) until \(try job.value("lease_expires_at", as: String?.self) ?? "?")")
                }
                if let error = try job.value("last_error", as: String?.self) {
                    lines.append("  last error (\(try job.value("error_kind", as: String?.self) ?? "?")): \(error)")
                }
                for dependency in try await store.sql.raw(
                    """
                    SELECT d.depends_on, d.optional, u.status FROM ops_job_dependencies d
                    LEFT JOIN ops_jobs u ON u.job_key = d.depends_on WHERE d.job_key = \(bind: key) ORDER BY d.depends_on
                    """
                ).all() {
                    lines.append(
                        "  after \(try dependency.value("depends_on", as: String.self))"
                            + (try dependency.value("optional", as: Int.self) == 1 ? " (optional)" : "")
                            + ": \(try dependency.value("status", as: String?.self) ?? "not queued")")
                }
                for event in try await store.sql.raw(
                    """
                    SELECT occurred_at, event, attempt, worker, rows_written, duration_seconds, delay_seconds, detail
                    FROM ops_pipeline_events WHERE job_key = \(bind: key) ORDER BY id
                    """
                ).all() {
                    var text =
                        "  \(try event.value("occurred_at", as: String.self)) \(try event.value("event", as: String.self))"
                    if let attempt = try event.value("attempt", as: Int?.self) { text += " #\(attempt)" }
                    if let worker = try event.value("worker", as: String?.self) { text += " by \(worker)" }
                    if let rows = try event.value("rows_written", as: Int?.self) { text += ", \(rows) rows" }
                    if let seconds = try event.value("duration_seconds", as: Double?.self) {
                        text += String(format: ", %.2f s", seconds)
                    }
                    if let delay = try event.value("delay_seconds", as: Double?.self) {
                        text += String(format: ", retry in %.1f s", delay)
                    }
                    if let detail = try event.value("detail", as: String?.self) { text += ": \(detail)" }
                    lines.append(text)
                }
                return lines
            }
            Terminal.out(lines.joined(separator: "\n"))
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-open failed jobs (and the dependents they failed) so workers run them again.")

        @Argument(help: "Job keys; none with --all.")
        var keys: [String] = []

        @Flag(help: "Re-open every failed job.")
        var all = false

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard all != !keys.isEmpty else { throw ValidationError("give job keys or --all (not both)") }
        }

        func run() async throws {
            let keys = all ? nil : keys
            let reopened = try await storeOptions.withStore { store in
                try await JobQueue(store: store).retryFailed(keys: keys)
            }
            Terminal.out(
                "re-opened \(reopened) failed jobs; run `hoopcast worker` or `hoopcast backfill` to process them")
        }
    }
}
