import Foundation
import HoopcastCore

/// A worker's view of an unreachable queue: transient failures are retried after a growing, jittered delay until
/// they have lasted `limit` on `clock`; a permanent failure (the schema is wrong, a bug) ends the worker at once.
struct StoreOutage: Sendable {
    let limit: Duration
    let clock: any WallClock
    var retry = RetryPolicy(baseDelay: .milliseconds(200), maxDelay: .seconds(10))
    var jitter: any JitterSource = SystemJitter()
    private var since: WallInstant?
    private var lastDelay: Duration?

    init(limit: Duration, clock: any WallClock) {
        self.limit = limit
        self.clock = clock
    }

    /// The queue answered: the outage (if any) is over.
    mutating func recovered() {
        since = nil
        lastDelay = nil
    }

    /// Records a failure; returns how long to wait before the next try, or throws when the failure is permanent or
    /// the outage has lasted too long.
    mutating func failed(_ error: any Error) throws -> Duration {
        guard FailureClassifier.kind(of: error).retryable else { throw error }
        let now = clock.now
        let start = since ?? now
        since = start
        let lasted = start.duration(to: now)
        guard lasted <= limit else { throw QueueUnavailable(duration: lasted, last: "\(error)") }
        let delay = retry.delay(after: lastDelay, random: jitter.next())
        lastDelay = delay
        return delay
    }
}

/// The queue stayed unreachable longer than the worker's outage limit.
public struct QueueUnavailable: Error, Sendable, CustomStringConvertible {
    /// How long the queue had been unreachable.
    public let duration: Duration
    /// The last error.
    public let last: String
    public var description: String {
        "the job queue was unreachable for \(String(format: "%.0f", duration.seconds)) s; last error: \(last)"
    }
}
