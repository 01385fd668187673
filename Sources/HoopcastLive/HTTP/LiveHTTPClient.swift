import HoopcastCore
import Logging
import Metrics

/// The one HTTP client every source adapter uses.
///
/// Per policy host it keeps a token bucket and a circuit breaker; each request is retried on 429, 5xx, timeouts
/// and connection errors with decorrelated jitter (or the server's `Retry-After`), up to the policy's attempt
/// bound. Every attempt is logged (host, status, latency, attempt) and counted in metrics; the URL's query and
/// secret headers never appear in either. Time (rate limits, waits, the breakers' cool-downs, latencies, fetch
/// times) comes from the injected ``WallClock``.
public actor LiveHTTPClient {
    /// The final response of a fetch.
    public struct Response: Sendable {
        /// The HTTP status.
        public var status: Int
        /// Response headers (lower-cased names).
        public var headers: [String: String]
        /// The body bytes.
        public var body: [UInt8]
        /// Attempts made (1 when the first succeeded).
        public var attempts: Int
        /// When the response arrived, on the client's clock.
        public var fetchedAt: WallInstant
    }

    private let transport: any HTTPTransport
    private let policies: [String: HostPolicy]
    private let clock: any WallClock
    private let jitter: any JitterSource
    private let logger: Logger
    private let metrics: any MetricsFactory
    private var buckets: [String: TokenBucket] = [:]
    private var breakers: [String: CircuitBreaker] = [:]

    /// Creates a client; hosts without an entry in `policies` use ``HostPolicy/defaults(host:)``.
    public init(
        transport: any HTTPTransport, policies: [String: HostPolicy] = [:], clock: any WallClock = SystemClock(),
        jitter: any JitterSource = SystemJitter(), logger: Logger = Logger(label: "hoopcast.http"),
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.transport = transport
        self.policies = policies
        self.clock = clock
        self.jitter = jitter
        self.logger = logger
        self.metrics = metrics
    }

    /// The policy that applies to `host`.
    public func policy(for host: String) -> HostPolicy { policies[host] ?? HostPolicy.defaults(host: host) }

    /// The breaker state of `host` (closed when never used).
    public func breakerState(host: String) -> CircuitBreaker.State { breakers[host]?.state ?? .closed(failures: 0) }

    /// Sends `request`, retrying as the host's policy allows; returns the final non-retryable response
    /// (2xx or a 4xx other than 429 comes back as a response; the caller decides what it means).
    public func fetch(_ request: SourceRequest) async throws(FetchError) -> Response {
        let host = request.policyHost
        let policy = policy(for: host)
        var breaker =
            breakers[host]
            ?? CircuitBreaker(
                failureThreshold: policy.breakerThreshold,
                coolDown: policy.breakerCoolDown)
        breakers[host] = breaker
        var delay: Duration?
        var lastOutcome = "none"
        var lastResponse: TransportResponse?
        let headers = request.headers.map { ($0.name, $0.value) }
        for attempt in 1...policy.retry.maxAttempts {
            breaker = breakers[host]!
            if case .reject(let until) = breaker.permit(now: clock.now) {
                breakers[host] = breaker
                count(host: host, outcome: "breaker_open")
                logger.warning("circuit open; request not sent", metadata: metadata(request, attempt: attempt))
                throw FetchError(
                    kind: .breakerOpen(until: until), source: request.source, endpoint: request.endpoint,
                    host: host, attempts: attempt - 1, lastOutcome: lastOutcome,
                    lastResponse: lastResponse)
            }
            breakers[host] = breaker
            await waitForToken(host: host, policy: policy)
            let started = clock.now
            let outcome: Result<TransportResponse, TransportFailure>
            do {
                outcome = .success(
                    try await transport.get(
                        url: request.urlWithSecrets, headers: headers,
                        policy: policy))
            } catch {
                // Scrubbed here, where the request's secrets are known: nothing past this point sees them.
                outcome = .failure(error.redacted(by: Redactor(secrets: request.secretValues)))
            }
            let latency = max(.zero, started.duration(to: clock.now))
            var retryAfter: Duration?
            switch outcome {
            case .success(let response):
                record(request, attempt: attempt, status: "\(response.status)", latency: latency)
                lastOutcome = "HTTP \(response.status)"
                lastResponse = response
                guard RetryPolicy.isRetryable(status: response.status) else {
                    breakers[host]!.recordSuccess()
                    return Response(
                        status: response.status, headers: response.headers, body: response.body,
                        attempts: attempt, fetchedAt: clock.now)
                }
                retryAfter = RetryAfter.delay(response.headers["retry-after"], now: clock.now)
            case .failure(.bodyTooLarge(let bytes)):
                record(request, attempt: attempt, status: "too_large", latency: latency)
                breakers[host]!.recordSuccess()
                throw FetchError(
                    kind: .bodyTooLarge(bytes), source: request.source, endpoint: request.endpoint,
                    host: host, attempts: attempt, lastOutcome: "body too large", lastResponse: nil)
            case .failure(let failure):
                let label = failure == .timeout ? "timeout" : "error"
                record(request, attempt: attempt, status: label, latency: latency, detail: failure.detail)
                lastOutcome = failure == .timeout ? "timeout" : "connection error"
            }
            breakers[host]!.recordFailure(now: clock.now)
            guard attempt < policy.retry.maxAttempts else { break }
            let wait: Duration
            if let retryAfter {
                guard retryAfter <= policy.retry.maxDelay else {
                    throw FetchError(
                        kind: .retryAfterTooLong(retryAfter), source: request.source,
                        endpoint: request.endpoint, host: host, attempts: attempt,
                        lastOutcome: lastOutcome, lastResponse: lastResponse)
                }
                wait = retryAfter
            } else {
                let next = policy.retry.delay(after: delay, random: jitter.next())
                delay = next
                wait = next
            }
            do {
                try await clock.sleep(for: wait)
            } catch {
                break  // cancelled: stop retrying and report what we have
            }
        }
        throw FetchError(
            kind: .retriesExhausted, source: request.source, endpoint: request.endpoint, host: host,
            attempts: policy.retry.maxAttempts, lastOutcome: lastOutcome, lastResponse: lastResponse)
    }

    private func waitForToken(host: String, policy: HostPolicy) async {
        guard let perMinute = policy.requestsPerMinute else { return }
        var bucket = buckets[host] ?? TokenBucket(requestsPerMinute: perMinute, burst: policy.burst, now: clock.now)
        let wait = bucket.reserve(now: clock.now)
        buckets[host] = bucket
        if wait > .zero {
            // A cancelled wait still sends: the caller's task is ending and the request completes or fails fast.
            do { try await clock.sleep(for: wait) } catch {}
        }
    }

    private func metadata(_ request: SourceRequest, attempt: Int) -> Logger.Metadata {
        [
            "host": "\(request.policyHost)", "source": "\(request.source)", "endpoint": "\(request.endpoint)",
            "attempt": "\(attempt)",
        ]
    }

    private func record(
        _ request: SourceRequest, attempt: Int, status: String, latency: Duration,
        detail: String? = nil
    ) {
        var meta = metadata(request, attempt: attempt)
        meta["status"] = "\(status)"
        if let detail { meta["detail"] = "\(detail)" }
        meta["latency_ms"] = "\(Int((latency / .milliseconds(1)).rounded()))"
        logger.info("http attempt", metadata: meta)
        count(host: request.policyHost, outcome: status)
        Timer(label: "hoopcast_http_attempt_duration", dimensions: [("host", request.policyHost)], factory: metrics)
            .record(duration: latency)
    }

    private func count(host: String, outcome: String) {
        Counter(
            label: "hoopcast_http_attempts_total", dimensions: [("host", host), ("outcome", outcome)],
            factory: metrics
        ).increment()
    }
}
