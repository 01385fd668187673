import Foundation
import HoopcastCore
import HoopcastStore
import Logging
import SQLKit

/// A backfill through the durable queue: every (step, date) of the range becomes a job (``JobPlan``), and
/// in-process workers run them — several dates at once when `workers > 1`, each date's steps in order, each date's
/// predictions after the previous date's grades. Resumable by construction: done jobs stay done unless `force`;
/// a crashed backfill is resumed by running it (or `hoopcast worker`) again. A failing date is reported and the
/// others go on.
public struct Backfill: Sendable {
    /// Progress of a backfill, reported after each date.
    public struct Progress: Sendable {
        /// Dates finished so far in this backfill (run or skipped).
        public let done: Int
        /// Dates in the range with games.
        public let total: Int
        /// The date just handled.
        public let date: GameDate
        /// Whether it ran, was skipped as already done, or failed.
        public let status: DateStatus
        /// Time since the backfill started.
        public let elapsed: Duration
        /// Estimated time left, from the mean time of the dates run so far.
        public let remaining: Duration?
    }

    /// How a date of a backfill ended; its raw value is what progress lines print.
    public enum DateStatus: String, Sendable, CustomStringConvertible {
        /// Every step had succeeded before the backfill.
        case alreadyDone = "already done"
        /// Every step succeeded.
        case done
        /// A step failed.
        case failed

        public var description: String { rawValue }
    }

    /// The result of a backfill.
    public struct Outcome: Sendable {
        /// Dates run in this backfill.
        public var ran: [GameDate] = []
        /// Dates skipped because every step had already succeeded.
        public var skipped: [GameDate] = []
        /// Dates with a failed step, with the first failure.
        public var failed: [(date: GameDate, step: String, error: String)] = []
    }

    public let pipeline: Pipeline
    public let queue: JobQueue
    /// Jobs run at once in this process.
    public let workers: Int
    /// The warehouse.
    public var store: Store { queue.store }

    /// The schedule: which dates of a range have games.
    public let calendar: any GameCalendar

    /// Creates a backfill over `queue` of the dates `calendar` gives.
    public init(pipeline: Pipeline, queue: JobQueue, calendar: any GameCalendar, workers: Int = 1) {
        precondition(workers >= 1)
        self.pipeline = pipeline
        self.queue = queue
        self.calendar = calendar
        self.workers = workers
    }

    /// Creates a backfill over the queue in `store`.
    public init(pipeline: Pipeline, store: Store, calendar: any GameCalendar, workers: Int = 1) {
        self.init(pipeline: pipeline, queue: JobQueue(store: store), calendar: calendar, workers: workers)
    }

    /// The dates between `from` and `to` (inclusive) with at least one scheduled game, in order.
    public func gameDates(from: GameDate, to: GameDate) async throws -> [GameDate] {
        try await calendar.gameDates(from: from, to: to)
    }

    /// Enqueues the dates with games in the range; returns them and the correlation id of the enqueue.
    public func enqueue(
        from: GameDate, to: GameDate, force: Bool,
        runIDPrefix: String = "backfill"
    ) async throws -> (dates: [GameDate], correlationID: String) {
        let dates = try await gameDates(from: from, to: to)
        let correlationID = RunLog.newRunID(prefix: runIDPrefix)
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: dates), correlationID: correlationID, force: force)
        return (dates, correlationID)
    }

    /// How long no date may settle, by default, before the backfill says what it is waiting for.
    public static let quietBeforeExplaining: Duration = .seconds(3)

    /// Enqueues the range and runs it to the end; `progress` is called as each date finishes or fails, and
    /// `waiting` when no date has settled for `quiet` (default ``quietBeforeExplaining``) while workers of other
    /// processes (a dead one's lease not yet expired, or one still running) hold jobs of the range: with those
    /// leases, again whenever they change.
    public func run(
        from: GameDate, to: GameDate, force: Bool, runIDPrefix: String = "backfill",
        quiet: Duration = Backfill.quietBeforeExplaining,
        progress: @escaping @Sendable (Progress) -> Void = { _ in },
        waiting: @escaping @Sendable ([HeldLease]) -> Void = { _ in }
    ) async throws -> Outcome {
        let (dates, _) = try await enqueue(from: from, to: to, force: force, runIDPrefix: runIDPrefix)
        let tracker = DateTracker(dates: dates, steps: pipeline.ordered.map(\.name), queue: queue)
        let alreadyDone = try await tracker.finishedDates()
        let worker = Worker(
            queue: queue, pipeline: pipeline, concurrency: workers, pollInterval: .milliseconds(50),
            logger: Logger(label: "hoopcast.backfill"))
        let clock = queue.clock, started = clock.now
        // The reporter may see a date settle before its last commit has (on SQLite a read shares the connection
        // with the open transaction), so it never decides when the backfill ends: the workers' drain does.
        let reporter = Task {
            var reported: Set<GameDate> = alreadyDone
            for date in dates where alreadyDone.contains(date) {
                progress(
                    .init(
                        done: 0, total: dates.count, date: date, status: .alreadyDone,
                        elapsed: .zero, remaining: nil))
            }
            var lastSettled = clock.now
            var explained: [HeldLease] = []
            while reported.count < dates.count && !Task.isCancelled {
                try await clock.sleep(for: .milliseconds(200))
                if lastSettled.duration(to: clock.now) >= quiet {
                    let held = try await queue.leasesHeld(notBy: worker.name, dates: dates)
                    if held != explained && !held.isEmpty { waiting(held) }
                    explained = held
                }
                for (date, status) in try await tracker.settled() where !reported.contains(date) {
                    lastSettled = clock.now
                    reported.insert(date)
                    let elapsed = max(.zero, started.duration(to: clock.now))
                    let ran = reported.count - alreadyDone.count
                    progress(
                        .init(
                            done: reported.count, total: dates.count, date: date,
                            status: status == .done ? .done : .failed,
                            elapsed: elapsed,
                            remaining: ran > 0 ? elapsed / ran * (dates.count - reported.count) : nil))
                }
            }
        }
        do {
            try await worker.run(drain: true)
        } catch {
            reporter.cancel()
            throw error
        }
        // Let the reporter see the last dates, then stop it.
        try await clock.sleep(for: .milliseconds(250))
        reporter.cancel()
        var outcome = Outcome()
        for (date, status) in try await tracker.settled() {
            switch status {
            case .done: alreadyDone.contains(date) ? outcome.skipped.append(date) : outcome.ran.append(date)
            case .failed:
                let failure = try await tracker.firstFailure(on: date)
                outcome.failed.append((date, failure.step, failure.error))
            }
        }
        return outcome
    }
}

/// Reads per-date job states of a backfill.
struct DateTracker: Sendable {
    let dates: [GameDate]
    let steps: [String]
    let queue: JobQueue

    /// Dates whose every job is done before the backfill starts.
    func finishedDates() async throws -> Set<GameDate> {
        Set(try await settled().filter { $0.status == .done }.map(\.date))
    }

    /// How a date of the backfill ended.
    enum Settled: String, Sendable {
        /// Every step's job is done.
        case done
        /// A job failed.
        case failed
    }

    /// Dates whose jobs are all done or of which one failed, in date order.
    func settled() async throws -> [(date: GameDate, status: Settled)] {
        guard let first = dates.first, let last = dates.last else { return [] }
        var byDate: [String: (done: Int, failed: Int)] = [:]
        for row in try await queue.store.sql.raw(
            """
            SELECT partition_date, status, COUNT(*) AS n FROM ops_jobs
            WHERE partition_date >= \(bind: first.description) AND partition_date <= \(bind: last.description)
              AND step IN (\(binds: steps)) AND arguments = '{}'
            GROUP BY partition_date, status
            """
        ).all() {
            let date = try row.value("partition_date", as: String.self)
            let status = try JobBoard.status(row, key: date), count = try row.value("n", as: Int.self)
            if status == .done { byDate[date, default: (0, 0)].done += count }
            if status == .failed { byDate[date, default: (0, 0)].failed += count }
        }
        return dates.compactMap { date in
            guard let counts = byDate[date.description] else { return nil }
            if counts.failed > 0 { return (date, .failed) }
            return counts.done == steps.count ? (date, .done) : nil
        }
    }

    /// The date's first failed job: its step and error (an upstream failure names the root cause).
    func firstFailure(on date: GameDate) async throws -> (step: String, error: String) {
        guard
            let row = try await queue.store.sql.raw(
                """
                SELECT step, last_error FROM ops_jobs
                WHERE partition_date = \(bind: date.description) AND status = \(bind: JobStatus.failed.rawValue)
                ORDER BY priority LIMIT 1
                """
            ).first()
        else { return ("?", "no failed job found") }
        return (try row.value("step"), try row.value("last_error", as: String?.self) ?? "")
    }
}
