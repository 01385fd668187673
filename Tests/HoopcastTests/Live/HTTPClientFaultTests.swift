import HoopcastCore
import HoopcastLive
import HoopcastStub
import MetricsTestKit
import NIOPosix
import Testing

/// The one HTTP client against a loopback stub that injects faults. Time is virtual (no test waits for a retry
/// delay) and nothing asserts on wall-clock durations.
@Suite struct HTTPClientFaultTests {
    let body = Array(#"{"data":[]}"#.utf8)

    /// Runs `body` against a stub and a transport on an event loop of their own, so a loop that other tests in the
    /// process hold up cannot reorder a response against the client's deadline timer.
    func withStub(_ routes: StubRoutes, _ body: (StubServer, AsyncHTTPTransport) async throws -> Void) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await routes.start(group: group)
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(2)], eventLoopGroup: group)
        do {
            try await body(server, transport)
        } catch {
            try await transport.shutdown()
            try await server.shutdown()
            try await group.shutdownGracefully()
            throw error
        }
        try await transport.shutdown()
        try await server.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func tooManyRequestsWithRetryAfterSecondsIsWaitedOutThenRetried() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.status(429, headers: [("Retry-After", "3")]), StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual()
            let client = StubClient.make(clock: clock, transport: transport)
            let response = try await client.fetch(StubClient.request(server))
            #expect(response.status == 200 && response.attempts == 2)
            #expect(clock.sleeps == [.seconds(3)])
            #expect(server.requests.count == 2)
        }
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        let routes = StubRoutes()
        routes.on(
            "/data", StubRoutes.status(429, headers: [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]),
            StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual(at: .epoch + .seconds(1_445_412_470))  // 10 s before the date
            let client = StubClient.make(clock: clock, transport: transport)
            let response = try await client.fetch(StubClient.request(server))
            #expect(response.status == 200)
            #expect(clock.sleeps == [.seconds(10)])
        }
    }

    @Test func retryAfterLongerThanTheLargestDelayStopsRetrying() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.status(429, headers: [("Retry-After", "3600")]))
        try await withStub(routes) { server, transport in
            let client = StubClient.make(clock: ManualClock.virtual(), transport: transport)
            let error = try await #require(throws: FetchError.self) {
                try await client.fetch(StubClient.request(server))
            }
            #expect(error.kind == .retryAfterTooLong(.seconds(3600)))
            #expect(server.requests.count == 1)
        }
    }

    @Test func burstOfServerErrorsIsRetriedWithDecorrelatedJitter() async throws {
        let routes = StubRoutes()
        routes.on(
            "/data", StubRoutes.status(500), StubRoutes.status(502), StubRoutes.status(503), StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual()
            let client = StubClient.make(clock: clock, transport: transport, policy: StubClient.fast(attempts: 4))
            let response = try await client.fetch(StubClient.request(server))
            #expect(response.status == 200 && response.attempts == 4)
            // base 1 s, jitter 0.5: 1 + (3·1 − 1)·0.5 = 2; 1 + (3·2 − 1)·0.5 = 3.5; 1 + (3·3.5 − 1)·0.5 = 5.75.
            #expect(clock.sleeps == [.seconds(2), .seconds(3.5), .seconds(5.75)])
        }
    }

    @Test func retriesAreBoundedAndTheLastResponseIsKept() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.status(500))
        try await withStub(routes) { server, transport in
            let client = StubClient.make(
                clock: ManualClock.virtual(), transport: transport, policy: StubClient.fast(attempts: 3))
            let error = try await #require(throws: FetchError.self) {
                try await client.fetch(StubClient.request(server))
            }
            #expect(error.kind == .retriesExhausted && error.attempts == 3)
            #expect(error.lastResponse?.status == 500)
            #expect(server.requests.count == 3)
        }
    }

    @Test func notFoundIsReturnedWithoutRetrying() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.status(404))
        try await withStub(routes) { server, transport in
            let response = try await StubClient.make(clock: ManualClock.virtual(), transport: transport)
                .fetch(StubClient.request(server))
            #expect(response.status == 404 && response.attempts == 1)
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubResponse(status: 302, headers: [("Location", "/elsewhere")], body: []))
        routes.on("/elsewhere", StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let response = try await StubClient.make(clock: ManualClock.virtual(), transport: transport)
                .fetch(StubClient.request(server))
            #expect(response.status == 302)
            #expect(server.requests.map(\.path) == ["/data"])
        }
    }

    @Test func responseSlowerThanTheTimeoutIsAbandonedAndRetried() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubResponse(body: body, delay: .seconds(30)), StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual()
            let logs = LogCapture()
            let client = StubClient.make(
                clock: clock, transport: transport, logger: logs,
                policy: StubClient.fast(timeout: .milliseconds(300)))
            let response = try await client.fetch(StubClient.request(server))
            #expect(response.status == 200 && response.attempts == 2)
            #expect(clock.sleeps == [.seconds(2)])
            #expect(logs.all.first { $0.contains("attempt=1") }?.contains("status=timeout") == true)
        }
    }

    @Test func connectionCutMidBodyIsRetried() async throws {
        let routes = StubRoutes()
        let payload = try LiveFixtures.bytes("nbac_scoreboard_v2/raw_055ff78d.json")
        routes.on("/data", StubResponse(body: payload, truncateAfter: 4000), StubRoutes.json(payload))
        try await withStub(routes) { server, transport in
            let response = try await StubClient.make(clock: ManualClock.virtual(), transport: transport)
                .fetch(StubClient.request(server))
            #expect(response.attempts == 2 && response.body == payload)
        }
    }

    @Test func breakerOpensAfterConsecutiveFailuresAndRecoversAfterCoolDown() async throws {
        let routes = StubRoutes()
        routes.on(
            "/data", StubRoutes.status(503), StubRoutes.status(503), StubRoutes.status(503), StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual()
            let client = StubClient.make(
                clock: clock, transport: transport,
                policy: StubClient.fast(attempts: 1, threshold: 3))
            for _ in 0..<3 {
                await #expect(throws: FetchError.self) { try await client.fetch(StubClient.request(server)) }
            }
            #expect(await client.breakerState(host: "test.host") == .open(until: clock.now + .seconds(60)))
            // Open: refused without touching the network.
            let refused = try await #require(throws: FetchError.self) {
                try await client.fetch(StubClient.request(server))
            }
            #expect(refused.kind == .breakerOpen(until: clock.now + .seconds(60)))
            #expect(server.requests.count == 3)
            // After the cool-down one probe goes through; its success closes the breaker.
            clock.advance(by: .seconds(61))
            let response = try await client.fetch(StubClient.request(server))
            #expect(response.status == 200)
            #expect(await client.breakerState(host: "test.host") == .closed(failures: 0))
            #expect(server.requests.count == 4)
        }
    }

    @Test func requestsAreSpacedByTheHostRateLimit() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let clock = ManualClock.virtual()
            var policy = StubClient.fast()
            policy.requestsPerMinute = 30
            let client = StubClient.make(clock: clock, transport: transport, policy: policy)
            for _ in 0..<3 { _ = try await client.fetch(StubClient.request(server)) }
            #expect(clock.sleeps == [.seconds(2), .seconds(2)])  // 30 per minute: one request every 2 s
        }
    }

    @Test func everyAttemptIsLoggedAndCounted() async throws {
        let routes = StubRoutes()
        routes.on("/data", StubRoutes.status(500), StubRoutes.json(body))
        try await withStub(routes) { server, transport in
            let logs = LogCapture()
            let metrics = TestMetrics()
            var policies: [String: HostPolicy] = [:]
            policies["test.host"] = StubClient.fast()
            let client = LiveHTTPClient(
                transport: transport, policies: policies, clock: ManualClock.virtual(),
                jitter: FixedJitter(0), logger: logs.logger(), metrics: metrics)
            _ = try await client.fetch(StubClient.request(server))
            let attempts = logs.all.filter { $0.contains("http attempt") }
            #expect(attempts.count == 2)
            #expect(
                attempts[0].contains("attempt=1") && attempts[0].contains("status=500")
                    && attempts[0].contains("host=test.host"))
            #expect(
                attempts[1].contains("attempt=2") && attempts[1].contains("status=200")
                    && attempts[1].contains("latency_ms="))
            let failed = try metrics.expectCounter(
                "hoopcast_http_attempts_total", [("host", "test.host"), ("outcome", "500")])
            let succeeded = try metrics.expectCounter(
                "hoopcast_http_attempts_total", [("host", "test.host"), ("outcome", "200")])
            #expect(failed.totalValue == 1 && succeeded.totalValue == 1)
        }
    }
}
