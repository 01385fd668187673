import Foundation
import HoopcastCore

/// One unit of queued work: a step for a date partition (with arguments), and the jobs it waits for.
public struct JobSpec: Sendable, Hashable {
    /// An edge to a job that must be done first; an optional one may be given up at the waiting job's deadline.
    public struct Dependency: Sendable, Hashable {
        public var key: String
        public var optional: Bool
        public init(key: String, optional: Bool = false) {
            self.key = key
            self.optional = optional
        }
    }

    public var step: String
    public var date: GameDate
    /// Canonical JSON object text (`{}` when none); part of the unique key.
    public var arguments: String
    public var dependencies: [Dependency]
    public var maxAttempts: Int
    /// The most time one attempt may take (stored as `timeout_seconds`).
    public var timeout: Duration
    /// Lower runs first among queued jobs (a backfill numbers its dates in order).
    public var priority: Int
    /// For a waiting job: when the deadline policy decides (run without optional upstreams, or fail).
    public var deadline: Date?

    /// Creates a spec.
    public init(
        step: String, date: GameDate, arguments: String = "{}", dependencies: [Dependency] = [],
        maxAttempts: Int = 3, timeout: Duration = .seconds(600), priority: Int = 0, deadline: Date? = nil
    ) {
        precondition(maxAttempts >= 1 && timeout > .zero)
        self.step = step
        self.date = date
        self.arguments = arguments
        self.dependencies = dependencies
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.priority = priority
        self.deadline = deadline
    }

    /// The unique key: the same work is never queued twice.
    public var key: String { JobSpec.key(step: step, date: date, arguments: arguments) }

    /// The key of (step, date, arguments).
    public static func key(step: String, date: GameDate, arguments: String = "{}") -> String {
        arguments == "{}" ? "\(step)/\(date)" : "\(step)/\(date)/\(arguments)"
    }
}

/// Where a job is in its life.
public enum JobStatus: String, Sendable, CaseIterable, Codable {
    /// Enqueued; some dependency is not done yet.
    case waiting
    /// Ready to be claimed (from `run_after` on).
    case queued
    /// Claimed by a worker holding its lease.
    case running
    /// Finished; its writes and this status were committed together.
    case done
    /// Gave up: a permanent error, attempts exhausted, an upstream failed or a deadline passed.
    case failed
}

/// A job a worker has claimed: the attempt's lease token fences every write it makes.
public struct ClaimedJob: Sendable, Hashable {
    public let id: Int
    public let key: String
    public let step: String
    public let date: GameDate
    public let arguments: String
    /// 1 for the first attempt.
    public let attempt: Int
    public let maxAttempts: Int
    /// The attempt's time limit.
    public let timeout: Duration
    /// Shared by every job of one enqueue (a date's run, a backfill): logs and rows carry it.
    public let correlationID: String
    /// The worker holding the lease.
    public let owner: String
    /// Unique to this attempt; an attempt whose lease was taken over can no longer complete.
    public let token: String
    /// The previous retry's delay (decorrelated jitter grows from it).
    public let lastDelay: Duration?
}

/// UTC timestamps as fixed-width text (`2026-11-23T12:00:00.000Z`), comparable as text on both engines.
public enum QueueTime {
    /// The text of a time.
    public static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// The text of an instant of a ``WallClock``.
    public static func text(_ instant: WallInstant) -> String { text(instant.date) }

    /// The time of a text written by ``text(_:)``.
    public static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
    }
}
