import HoopcastCore
import HoopcastLive
import Synchronization

/// Token buckets per client — an API key's id or an address — that admit a request or say how long to wait. One
/// ``TokenBucket`` type serves this and the HTTP client's outgoing limits.
public final class RateLimiter: Sendable {
    /// Requests per minute each client may make on average.
    public let requestsPerMinute: Double
    /// Requests a client may make at once after being idle.
    public let burst: Double
    let clock: any WallClock
    private let buckets = Mutex<[String: TokenBucket]>([:])
    /// Buckets are forgotten when the table grows beyond this (an idle bucket is full, as a new one is).
    static let maximumClients = 10_000

    public init(requestsPerMinute: Double, burst: Double, clock: any WallClock = SystemClock()) {
        self.requestsPerMinute = requestsPerMinute
        self.burst = burst
        self.clock = clock
    }

    /// `.zero` when `client` may go ahead (its token is spent), otherwise how long until it may.
    public func admit(_ client: String) -> Duration {
        let now = clock.now
        return buckets.withLock { buckets in
            if buckets[client] == nil, buckets.count >= RateLimiter.maximumClients {
                buckets.removeAll(keepingCapacity: true)
            }
            var bucket =
                buckets[client] ?? TokenBucket(requestsPerMinute: requestsPerMinute, burst: burst, now: now)
            let wait = bucket.admit(now: now)
            buckets[client] = bucket
            return wait
        }
    }
}
