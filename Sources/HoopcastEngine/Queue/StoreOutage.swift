import Foundation
import HoopcastCore

/// A worker's view of an unreachable queue: transient failures are retried after a growing, jittered delay until
/// they have lasted `limitSeconds`; a permanent failure (the schema is wrong, a bug) ends the worker at once.
struct StoreOutage: Sendable {
    let limitSeconds: Double
    var retry = RetryPolicy(baseDelay: .milliseconds(200), maxDelay: .seconds(10))
    var jitter: any JitterSource = SystemJitter()
    private var since: ContinuousClock.Instant?
    private var lastDelay: Duration?

    init(limitSeconds: Double) { self.limitSeconds = limitSeconds }

    /// The queue answered: the outage (if any) is over.
    mutating func recovered() {
        since = nil
        lastDelay = nil
    }

    /// Records a failure; returns how long to wait before the next try, or throws when the failure is permanent or
    /// the outage has lasted too long.
    mutating func failed(_ error: any Error) throws -> Double {
        guard FailureClassifier.kind(of: error).retryable else { throw error }
        let start = since ?? .now
        since = start
        let lasted = (ContinuousClock.now - start) / .seconds(1)
        guard lasted <= limitSeconds else { throw QueueUnavailable(seconds: lasted, last: "\(error)") }
        let delay = retry.delay(after: lastDelay, random: jitter.next())
        lastDelay = delay
        return delay.seconds
    }
}

/// The queue stayed unreachable longer than the worker's outage limit.
public struct QueueUnavailable: Error, Sendable, CustomStringConvertible {
    public let seconds: Double
    public let last: String
    public var description: String {
        "the job queue was unreachable for \(String(format: "%.0f", seconds)) s; last error: \(last)"
    }
}
