import HoopcastCore

/// How the client treats one host: its rate limit, timeouts, retries and circuit breaker.
public struct HostPolicy: Sendable, Hashable {
    /// Requests per minute allowed; nil turns rate limiting off (benchmarks and tests only).
    public var requestsPerMinute: Double?
    /// Requests that may go out at once before the rate applies.
    public var burst: Double
    /// Time allowed to open the connection (TCP and TLS).
    public var connectTimeout: Duration
    /// Time allowed for one attempt, from sending the request to the last byte of the body.
    public var totalTimeout: Duration
    /// Retry bounds and jitter.
    public var retry: RetryPolicy
    /// Consecutive failed attempts that open the host's breaker.
    public var breakerThreshold: Int
    /// How long the breaker stays open before one probe is allowed.
    public var breakerCoolDown: Duration
    /// The largest body accepted, bytes.
    public var maxBodyBytes: Int

    /// Creates a policy.
    public init(
        requestsPerMinute: Double?, burst: Double = 1, connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy(), breakerThreshold: Int = 5,
        breakerCoolDown: Duration = .seconds(60), maxBodyBytes: Int = 64 << 20
    ) {
        self.requestsPerMinute = requestsPerMinute
        self.burst = burst
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.retry = retry
        self.breakerThreshold = breakerThreshold
        self.breakerCoolDown = breakerCoolDown
        self.maxBodyBytes = maxBodyBytes
    }

    /// Defaults by host: stats.nba.com 30/min, The Odds API 30/min, Ball Don't Lie 60/min,
    /// basketball-reference 10/min; other hosts 60/min. stats.nba.com is slow, so it gets longer timeouts.
    public static func defaults(host: String) -> HostPolicy {
        switch host {
        case "stats.nba.com":
            return HostPolicy(requestsPerMinute: 30, connectTimeout: .seconds(10), totalTimeout: .seconds(45))
        case "api.the-odds-api.com": return HostPolicy(requestsPerMinute: 30)
        case "api.balldontlie.io": return HostPolicy(requestsPerMinute: 60)
        case "www.basketball-reference.com": return HostPolicy(requestsPerMinute: 10)
        default: return HostPolicy(requestsPerMinute: 60)
        }
    }
}
