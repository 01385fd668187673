import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastStore

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
        var status: JobStatus?

        @Option(help: "At most this many jobs.")
        var limit = 50

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let (status, limit) = (status, max(1, limit))
            let rows = try await storeOptions.withStore { store in
                try await JobBoard(db: store.sql).jobs(status: status, limit: limit).map { job in
                    [
                        job.key, job.status.rawValue, "\(job.attempts)/\(job.maxAttempts)", job.errorKind ?? "",
                        String((job.lastError ?? "").prefix(80)),
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
                guard let job = try await JobBoard(db: store.sql).job(key) else {
                    throw ValidationError("no job \(key)")
                }
                var lines = [
                    "\(key): \(job.summary.status.rawValue), attempt \(job.summary.attempts) of \(job.summary.maxAttempts), "
                        + "correlation \(job.correlationID)"
                ]
                if let owner = job.leaseOwner {
                    lines.append("  leased by \(owner) until \(job.leaseExpiresAt ?? "?")")
                }
                if let error = job.summary.lastError {
                    lines.append("  last error (\(job.summary.errorKind ?? "?")): \(error)")
                }
                for dependency in job.dependencies {
                    lines.append(
                        "  after \(dependency.key)" + (dependency.optional ? " (optional)" : "")
                            + ": \(dependency.status?.rawValue ?? "not queued")")
                }
                for event in job.events {
                    var text = "  \(event.occurredAt) \(event.event)"
                    if let attempt = event.attempt { text += " #\(attempt)" }
                    if let worker = event.worker { text += " by \(worker)" }
                    if let rows = event.rowsWritten { text += ", \(rows) rows" }
                    if let duration = event.duration { text += String(format: ", %.2f s", duration.seconds) }
                    if let delay = event.delay { text += String(format: ", retry in %.1f s", delay.seconds) }
                    if let detail = event.detail { text += ": \(detail)" }
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

extension JobStatus: ExpressibleByArgument {}
