import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import Logging

/// The long-running mode's I/O half: reads the dates' last tip-offs from the store, queues the ingest slots of
/// ``IngestSchedule`` as jobs when they fall due, and sleeps in between, on the queue's clock (``JobQueue/clock``). It
/// only queues: `hoopcast worker` processes run the ingest jobs (and, after each, the date's daily pipeline).
public struct IngestScheduler: Sendable {
    /// When each phase runs.
    public let schedule: IngestSchedule
    /// The queue the slots go to.
    public let queue: JobQueue
    /// Attempts per ingest job (retries follow the queue's policy).
    public let maxAttempts: Int
    /// Time limit of one ingest attempt.
    public let timeout: Duration
    /// Where queued slots and waits are logged.
    public let logger: Logger

    /// Creates a scheduler.
    public init(
        schedule: IngestSchedule, queue: JobQueue, maxAttempts: Int = 3,
        timeout: Duration = LiveIngestStep.defaultTimeout,
        logger: Logger = Logger(label: "hoopcast.schedule")
    ) {
        self.schedule = schedule
        self.queue = queue
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.logger = logger
    }

    /// The last tip-off of each of `dates` that has one: the latest NBA.com schedule tip-off of the date's games
    /// (``RawReader/tipoffs(on:)``, written by `nba_cdn.schedule`).
    public func lastTipoffs(_ dates: [GameDate]) async throws -> [GameDate: Date] {
        var result: [GameDate: Date] = [:]
        for tipoff in try await RawReader(db: queue.store.sql).tipoffs(on: dates) {
            guard let instant = IngestScheduler.instant(tipoff.commenceUTC) else {
                throw ScheduleError(
                    "raw_source_games.commence_utc of game \(tipoff.gameID) (\(tipoff.gameDate), source \(RawReader.tipoffSource)) is not an ISO-8601 UTC instant: '\(tipoff.commenceUTC)'"
                )
            }
            result[tipoff.gameDate] = max(result[tipoff.gameDate] ?? instant, instant)
        }
        return result
    }

    /// Queues the slots due in `(after, through]` (each slot's job once: a slot already queued keeps its state);
    /// returns the due slots and how many jobs were new.
    @discardableResult
    public func enqueueDue(after: Date, through: Date) async throws -> (slots: [ScheduleSlot], queued: Int) {
        let tipoffs = try await lastTipoffs(schedule.dates(from: after, through: through))
        let slots = schedule.due(after: after, through: through, lastTipoffs: tipoffs)
        guard !slots.isEmpty else { return ([], 0) }
        let queued = try await queue.enqueue(
            slots.map { $0.job(maxAttempts: maxAttempts, timeout: timeout) },
            correlationID: "schedule-\(slots[0].instant)")
        for slot in slots {
            logger.info(
                "ingest slot due",
                metadata: [
                    "phase": "\(slot.phase.rawValue)", "date": "\(slot.date)",
                    "slot": "\(slot.instant)",
                ])
        }
        return (slots, queued)
    }

    /// The next slot after `now`, with the tip-offs known now.
    public func nextSlot(after now: Date) async throws -> ScheduleSlot {
        let today = EasternTime.wallClock(of: now).date
        return schedule.next(after: now, lastTipoffs: try await lastTipoffs([today.adding(days: -1), today]))
    }

    /// Runs until `shouldStop` (checked after each wait) or until the clock's sleep throws (cancellation): queues the
    /// slots due since the last pass (at the start, those of the last `catchUp`), then waits until the next slot, at
    /// most `poll` (tip-offs learnt by the morning ingest add pre-tip slots). A store that cannot be reached is
    /// retried with growing, jittered delays for up to `outageLimit`; a permanent error ends the run. Time is the
    /// queue's clock.
    public func run(
        catchUp: Duration = .seconds(3600), poll: Duration = .seconds(300), outageLimit: Duration = .seconds(600),
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) async throws {
        precondition(catchUp >= .zero && poll > .zero)
        let clock = queue.clock
        var checked = clock.now - catchUp
        let retry = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(60))
        let jitter = SystemJitter()
        var outageStart: WallInstant?, lastDelay: Duration?
        while !shouldStop() {
            let current = clock.now
            let wait: Duration
            do {
                try await enqueueDue(after: checked.date, through: current.date)
                checked = current
                let next = try await nextSlot(after: current.date)
                wait = min(max(current.duration(to: WallInstant(next.at)), .milliseconds(1)), poll)
                logger.info(
                    "next ingest slot",
                    metadata: ["next": "\(next)", "wait_seconds": "\(Int(wait.seconds.rounded()))"])
                (outageStart, lastDelay) = (nil, nil)
            } catch let error where FailureClassifier.kind(of: error).retryable && !(error is CancellationError) {
                let start = outageStart ?? current
                guard start.duration(to: current) <= outageLimit else { throw error }
                outageStart = start
                let delay = retry.delay(after: lastDelay, random: jitter.next())
                lastDelay = delay
                wait = delay
                logger.warning(
                    "store unavailable; retrying",
                    metadata: ["error": "\(error)", "retry_in_seconds": "\(wait.seconds)"])
            }
            try await clock.sleep(for: wait)
        }
    }

    static func instant(_ text: String) -> Date? {
        guard text.hasSuffix("Z"), let (date, hour, minute) = EasternTime.parse(text) else { return nil }
        let chars = Array(text.utf8)
        let seconds =
            chars.count >= 19 && chars[16] == UInt8(ascii: ":")
            ? Int(String(decoding: chars[17..<19], as: UTF8.self)) : 0
        guard let seconds else { return nil }
        return Date(timeIntervalSince1970: Double(date.dayNumber * 86_400 + hour * 3600 + minute * 60 + seconds))
    }
}

/// The schedule could not be computed from the stored data.
public struct ScheduleError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the table, column and value.
    public let description: String
    init(_ description: String) { self.description = description }
}
