import Foundation

/// What `hoopcast bench-queue` measured (printed as a table, or as JSON with `--json`).
struct QueueBenchResult: Sendable, Encodable {
    /// Independent no-op jobs, enqueued in one transaction and drained.
    struct Throughput: Sendable, Encodable {
        let jobs: Int
        /// Whether each job had its own priority (otherwise all had priority 0).
        let distinctPriorities: Bool
        /// The enqueue transaction (all jobs, their `queued` events, promotion), seconds.
        let enqueueSeconds: Double
        let enqueueJobsPerSecond: Double
        /// `Worker.run(drain: true)` from call to return, seconds (includes the final empty poll).
        let drainWallSeconds: Double
        /// From the first `started` event to the last `succeeded` event, seconds (millisecond timestamps).
        let claimToCompleteSeconds: Double
        /// `jobs` ÷ ``claimToCompleteSeconds``.
        let jobsPerSecond: Double
        /// ``claimToCompleteSeconds`` ÷ `jobs`, milliseconds: the queue's cost per job at this concurrency.
        let millisecondsPerJob: Double
        /// Per job, `succeeded` minus `started` (millisecond timestamps).
        let startToSuccessMilliseconds: DurationSummary
        /// Events recorded, by kind.
        let events: [String: Int]
    }

    /// Upstream → downstream chains of no-op steps on one date each.
    struct ChainLatency: Sendable, Encodable {
        let chains: Int
        /// The worker's poll interval (how long it sleeps when nothing is claimable), milliseconds.
        let pollMilliseconds: Double
        /// Downstream `started` minus upstream `succeeded` from the event log (millisecond timestamps).
        let completionToStartMilliseconds: DurationSummary
        /// The same on the monotonic clock: from the upstream step's commit returning to the downstream step
        /// beginning.
        let commitToBeginMilliseconds: DurationSummary
        /// Upstream `started` minus upstream `queued` (the wait for a worker to claim new work).
        let queuedToStartMilliseconds: DurationSummary
        /// Events recorded, by kind.
        let events: [String: Int]
    }

    /// Every scenario with one worker concurrency.
    struct WorkerRun: Sendable, Encodable {
        /// Jobs run at once in the in-process worker.
        let workers: Int
        let throughput: Throughput
        /// All chains enqueued at once, then drained.
        let backlog: ChainLatency
        /// Chains enqueued one at a time to a worker asleep between polls; nil when skipped.
        let idle: ChainLatency?
    }

    /// `sqlite` or `postgres`.
    let engine: String
    /// The scratch store (secrets removed).
    let store: String
    /// `release` or `debug`.
    let build: String
    /// Processors the system reports.
    let processors: Int
    let runs: [WorkerRun]

    /// The human-readable report.
    func table() -> String {
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        func triple(_ summary: DurationSummary) -> String {
            "\(f(summary.p50, 2)) / \(f(summary.p95, 2)) / \(f(summary.max, 2))"
        }
        var lines = ["bench-queue on \(engine) (\(store)), \(build) build, \(processors) processors", ""]
        if let first = runs.first?.throughput {
            lines.append(
                "throughput: \(first.jobs) independent no-op jobs, "
                    + (first.distinctPriorities ? "priorities 0…\(first.jobs - 1)" : "all of priority 0")
                    + " (claim; run; complete in the step's transaction)")
        }
        var throughput = [
            [
                "workers", "enqueue s", "enqueued jobs/s", "drain wall s", "claim→complete jobs/s",
                "ms per job", "started→succeeded p50 / p95 / max ms",
            ]
        ]
        for run in runs {
            let t = run.throughput
            throughput.append([
                "\(run.workers)", f(t.enqueueSeconds, 3), f(t.enqueueJobsPerSecond, 0),
                f(t.drainWallSeconds, 3), f(t.jobsPerSecond, 0), f(t.millisecondsPerJob, 3),
                triple(t.startToSuccessMilliseconds),
            ])
        }
        lines.append(TextTable.render(throughput))
        lines += ["", "upstream completion → downstream start, ms (p50 / p95 / max); events have 1 ms timestamps"]
        var latency = [
            [
                "workers", "scenario", "poll ms", "chains", "events: succeeded→started",
                "in-process: commit→step begins", "upstream queued→started (wait for a worker)",
            ]
        ]
        for run in runs {
            for (name, chain) in [("backlog", run.backlog), ("idle", run.idle)] {
                guard let chain else { continue }
                latency.append([
                    "\(run.workers)", name, f(chain.pollMilliseconds, 0), "\(chain.chains)",
                    triple(chain.completionToStartMilliseconds), triple(chain.commitToBeginMilliseconds),
                    triple(chain.queuedToStartMilliseconds),
                ])
            }
        }
        lines.append(TextTable.render(latency))
        return lines.joined(separator: "\n")
    }
}
