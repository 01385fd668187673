import HoopcastCore
import HoopcastLive
import HoopcastStub
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A scripted stub: per path prefix, a queue of responses (the last one repeats). Loopback only.
final class StubRoutes: Sendable {
    private let routes: NIOLockedValueBox<[(prefix: String, queue: [StubResponse])]>

    init() { routes = NIOLockedValueBox([]) }

    /// Answers requests whose path (and query, `path?query`) starts with `prefix` with `responses` in order, then
    /// the last one forever. The first matching route wins.
    func on(_ prefix: String, _ responses: StubResponse...) {
        routes.withLockedValue { $0.append((prefix, responses)) }
    }

    func respond(_ request: StubRequest) -> StubResponse {
        routes.withLockedValue { routes in
            let target = request.query.isEmpty ? request.path : request.path + "?" + request.query
            guard let index = routes.firstIndex(where: { target.hasPrefix($0.prefix) }) else {
                return StubResponse(status: 404, body: Array(#"{"message":"no route"}"#.utf8))
            }
            let response = routes[index].queue[0]
            if routes[index].queue.count > 1 { routes[index].queue.removeFirst() }
            return response
        }
    }

    /// Starts a server answering from these routes, on `group`'s event loops.
    func start(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> StubServer {
        try await StubServer.start(group: group) { [self] request in respond(request) }
    }

    static func json(_ body: [UInt8], status: Int = 200) -> StubResponse { StubResponse(status: status, body: body) }

    static func status(_ status: Int, headers: [(String, String)] = []) -> StubResponse {
        StubResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers,
            body: Array(#"{"message":"unavailable"}"#.utf8))
    }

    static let htmlPage = StubResponse(
        status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
        body: Array("<html><head><title>Access Denied</title></head><body>Reference #18</body></html>".utf8))
}

/// A client against the stub with a virtual clock and a fast policy for every host.
enum StubClient {
    static func make(
        clock: ManualClock, transport: AsyncHTTPTransport, logger: LogCapture? = nil,
        policy: HostPolicy = fast()
    ) -> LiveHTTPClient {
        var policies: [String: HostPolicy] = [:]
        for endpoint in EndpointCatalog.all { policies[endpoint.host] = policy }
        policies["test.host"] = policy
        return LiveHTTPClient(
            transport: transport, policies: policies, clock: clock, jitter: FixedJitter(0.5),
            logger: logger?.logger("http") ?? .init(label: "test.http"))
    }

    static func fast(attempts: Int = 3, threshold: Int = 5, timeout: Duration = .seconds(5)) -> HostPolicy {
        HostPolicy(
            requestsPerMinute: nil, connectTimeout: .seconds(2), totalTimeout: timeout,
            retry: RetryPolicy(maxAttempts: attempts, baseDelay: .seconds(1), maxDelay: .seconds(30)),
            breakerThreshold: threshold,
            breakerCoolDown: .seconds(60))
    }

    static func request(_ server: StubServer, path: String = "/data") -> SourceRequest {
        SourceRequest(source: "test", endpoint: "data", policyHost: "test.host", baseURL: server.baseURL, path: path)
    }
}
