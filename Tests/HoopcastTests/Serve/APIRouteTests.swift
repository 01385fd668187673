import Foundation
import HTTPTypes
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastPredictions
import HoopcastStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Synchronization
import Testing

@testable import HoopcastServe

/// The API on the shared fixture store (2024-01-08 … 2024-01-15 run): every route answers what the readers hold,
/// in the document's shapes, with its errors, caching and access control.
@Suite struct APIRouteTests {
    /// A server over the shared store with a read, an admin and a revoked key; the log records admin runs.
    static func fixture(
        publicRead: Bool = false, requestsPerMinute: Double = 6000, burst: Double = 1000,
        clock: any WallClock = SystemClock()
    ) async throws -> (HoopcastServer, Store, read: String, admin: String, revoked: String, queued: RunLog) {
        let (store, _) = try await PredictionStepTests.shared.value
        let keys = KeyStore(store: store)
        let read = try await keys.create(name: "route-test read", scope: .read).token.description
        let admin = try await keys.create(name: "route-test admin", scope: .admin).token.description
        let revokedKey = try await keys.create(name: "route-test revoked", scope: .admin)
        try await keys.revoke(id: revokedKey.key.id)
        let runs = RunLog()
        let server = HoopcastServer(
            configuration: ServeConfiguration(
                port: 0, publicRead: publicRead, requestsPerMinute: requestsPerMinute, burst: burst),
            store: store,
            admin: AdminActions { from, to, force in
                runs.append(from, to, force)
                return (to.days(since: from) + 1, 5 * (to.days(since: from) + 1))
            }, clock: clock)
        return (server, store, read, admin, revokedKey.token.description, runs)
    }

    /// Admin runs the server was asked to queue.
    final class RunLog: Sendable {
        private let calls = Mutex<[String]>([])
        func append(_ from: GameDate, _ to: GameDate, _ force: Bool) {
            calls.withLock { $0.append("\(from)…\(to) force=\(force)") }
        }
        var all: [String] { calls.withLock { $0 } }
    }

    static func bearer(_ key: String?) -> HTTPFields {
        guard let key else { return [:] }
        return [.authorization: "Bearer \(key)"]
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func errorCode(_ response: TestResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["code"] as? String
    }

    @Test func healthAndReadinessNeedNoKey() async throws {
        let (server, _, _, _, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["status"] as? String == "ok")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                let expected = try await PredictionStepTests.shared.value.store.schemaStatus().expected
                #expect(body["schema_version"] as? Int == expected && body["engine"] as? String == "sqlite")
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let served = String(buffer: response.body)
                let committed = try String(contentsOf: TestPaths.repo("openapi.yaml"), encoding: .utf8)
                #expect(served == committed)
            }
        }
    }

    @Test func predictionsAreTheStoredRowsFilteredAndPagedWithTheirNamesAndTeams() async throws {
        let (server, store, read, _, _, _) = try await Self.fixture()
        let date = PredictionStepTests.date
        let stored = try await PredictionReader(db: store.sql).rows(on: date)
        let expected = stored.filter { $0.market == .pointsReboundsAssists && $0.system == .ensemble }
        try await server.application().test(.router) { client in
            var ids: [String] = []
            var cursor: String?
            repeat {
                let uri =
                    "/v1/dates/\(date)/predictions?market=points_rebounds_assists&system=ensemble&limit=100"
                    + (cursor.map { "&cursor=\($0)" } ?? "")
                let body = try await client.execute(uri: uri, method: .get, headers: Self.bearer(read)) {
                    #expect($0.status == .ok)
                    return try Self.json($0)
                }
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.count <= 100)
                for item in items {
                    ids.append("\(item["game_id"]!)/\(item["player_id"]!)")
                    #expect(item["market"] as? String == "points_rebounds_assists")
                    #expect(item["matchup"] as? String != nil && (item["matchup"] as! String).contains(" @ "))
                    #expect(item["team"] as? String != nil && item["player_name"] as? String != nil)
                }
                cursor = body["next_cursor"] as? String
            } while cursor != nil
            #expect(ids.count == expected.count && Set(ids).count == ids.count)
            #expect(Set(ids) == Set(expected.map { "\($0.gameID)/\($0.playerID)" }))
            // Filters narrow as documented.
            let edge = try await client.execute(
                uri: "/v1/dates/\(date)/predictions?min_edge=0.02&limit=1000", method: .get,
                headers: Self.bearer(read)
            ) { try Self.json($0)["items"] as! [[String: Any]] }
            #expect(edge.count == stored.filter { ($0.edge ?? -1) >= 0.02 }.count)
            #expect(edge.allSatisfy { ($0["edge"] as! Double) >= 0.02 })
            let team = try await client.execute(
                uri: "/v1/dates/\(date)/predictions?team=PHI&system=matchup&limit=1000", method: .get,
                headers: Self.bearer(read)
            ) { try Self.json($0)["items"] as! [[String: Any]] }
            #expect(!team.isEmpty && team.allSatisfy { ($0["matchup"] as! String).contains("PHI") })
        }
    }

    @Test func pastDatesCarryAStrongETagAndAnswer304() async throws {
        let (server, _, read, _, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            let uri = "/v1/dates/2024-01-15/games"
            let (eTag, cache) = try await client.execute(uri: uri, method: .get, headers: Self.bearer(read)) {
                ($0.headers[.eTag], $0.headers[.cacheControl])
            }
            let tag = try #require(eTag)
            #expect(tag.hasPrefix("\"") && cache == "public, max-age=86400")
            var headers = Self.bearer(read)
            headers[.ifNoneMatch] = tag
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                #expect(response.status == .notModified && response.body.readableBytes == 0)
            }
            headers[.ifNoneMatch] = "\"other\""
            try await client.execute(uri: uri, method: .get, headers: headers) { #expect($0.status == .ok) }
        }
    }

    @Test func gamesResultsPlayersPerformanceAndPipelineAnswer() async throws {
        let (server, store, read, _, _, _) = try await Self.fixture()
        let graded = try await GradeReader(db: store.sql).results(
            from: PredictionStepTests.date, to: PredictionStepTests.date)
        try await server.application().test(.router) { client in
            let games = try await client.execute(
                uri: "/v1/dates/2024-01-15/games", method: .get, headers: Self.bearer(read)
            ) { try Self.json($0)["items"] as! [[String: Any]] }
            #expect(games.count == 11 && games.allSatisfy { $0["status"] as? String == "final" })
            var results: [[String: Any]] = []
            var cursor: String?
            repeat {
                let page = try await client.execute(
                    uri: "/v1/dates/2024-01-15/results?limit=1000&system=ensemble"
                        + (cursor.map { "&cursor=\($0)" } ?? ""),
                    method: .get, headers: Self.bearer(read)
                ) { try Self.json($0) }
                results += page["items"] as! [[String: Any]]
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(results.count == graded.filter { $0.system == .ensemble }.count)
            #expect(
                Set(results.map { "\($0["game_id"]!)/\($0["player_id"]!)/\($0["market"]!)" }).count == results.count)
            let players = try await client.execute(
                uri: "/v1/players?q=embiid", method: .get, headers: Self.bearer(read)
            ) { try Self.json($0)["items"] as! [[String: Any]] }
            #expect(players.first?["name"] as? String == "Joel Embiid" && players.first?["player_id"] as? Int == 203954)
            let page = try await client.execute(
                uri: "/v1/players/203954?date=2024-01-15&games=5", method: .get, headers: Self.bearer(read)
            ) { try Self.json($0) }
            let log = try #require(page["game_log"] as? [[String: Any]])
            #expect(log.count <= 5 && !log.isEmpty)
            let dates = log.compactMap { $0["game_date"] as? String }
            #expect(dates.count == log.count, "\(log.first.map { Array($0.keys) } ?? [])")
            #expect(dates == dates.sorted(by: >) && dates.allSatisfy { $0 < "2024-01-15" })
            try await client.execute(
                uri: "/v1/players/1?date=2024-01-15", method: .get, headers: Self.bearer(read)
            ) { response in
                let code = try Self.errorCode(response)
                #expect(response.status == .notFound && code == "not_found")
            }
            let performance = try await client.execute(
                uri: "/v1/performance?from=2024-01-08&to=2024-01-15&market=points", method: .get,
                headers: Self.bearer(read)
            ) { try Self.json($0) }
            let rows = try #require(performance["results"] as? [[String: Any]])
            #expect(!rows.isEmpty && rows.allSatisfy { $0["market"] as? String == "points" })
            let status = try await client.execute(
                uri: "/v1/pipeline?dates=3", method: .get, headers: Self.bearer(read)
            ) { try Self.json($0) }
            #expect((status["dates"] as? [[String: Any]])?.count == 3)
            #expect((status["step_durations"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func invalidInputIsA400NamingTheParameter() async throws {
        let (server, _, read, _, _, _) = try await Self.fixture()
        let cases: [(String, String)] = [
            ("/v1/dates/2024-13-01/games", "'date'"),
            ("/v1/dates/2024-01-15/predictions?market=steals", "'market'"),
            ("/v1/dates/2024-01-15/predictions?limit=abc", "'limit'"),
            ("/v1/dates/2024-01-15/predictions?cursor=@@", "'cursor'"),
            ("/v1/performance?from=2024-01-15", "'to'"),
            ("/v1/performance?to=2024-01-15", "'from'"),
            ("/v1/players", "'q'"),
            ("/v1/performance?from=2024-01-15&to=2024-01-01", "'to'"),
            ("/v1/players?q=x", "'q'"),
        ]
        try await server.application().test(.router) { client in
            for (uri, parameter) in cases {
                try await client.execute(uri: uri, method: .get, headers: Self.bearer(read)) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let error = try #require(try Self.json(response)["error"] as? [String: Any])
                    #expect(error["code"] as? String == "bad_request")
                    #expect((error["message"] as? String)?.contains(parameter) == true, "\(uri): \(error)")
                }
            }
            try await client.execute(uri: "/v1/nothing-here", method: .get, headers: Self.bearer(read)) {
                let code = try Self.errorCode($0)
                #expect($0.status == .notFound && code == "not_found")
            }
        }
    }

    /// Every admin route × no key, a read key, a revoked key and an admin key.
    @Test func theAdminAuthMatrix() async throws {
        let (server, store, read, admin, revoked, runs) = try await Self.fixture()
        let victim = try await KeyStore(store: store).create(name: "route-test victim", scope: .read).key.id
        let routes: [(HTTPRequest.Method, String, String?, HTTPResponse.Status)] = [
            (.get, "/v1/admin/keys", nil, .ok),
            (.post, "/v1/admin/keys", #"{"name":"made by test","scope":"read"}"#, .created),
            (.delete, "/v1/admin/keys/\(victim)", nil, .noContent),
            (.post, "/v1/admin/jobs/retry", #"{"keys":["features.player_market/2024-01-15"]}"#, .ok),
            (.post, "/v1/admin/runs", #"{"from":"2024-01-14","to":"2024-01-15"}"#, .accepted),
        ]
        try await server.application().test(.router) { client in
            for (method, uri, body, success) in routes {
                for (key, expected) in [
                    (nil, HTTPResponse.Status.unauthorized), (read, .forbidden), (revoked, .unauthorized),
                    (admin, success),
                ] as [(String?, HTTPResponse.Status)] {
                    var headers = Self.bearer(key)
                    if body != nil { headers[.contentType] = "application/json" }
                    try await client.execute(
                        uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
                    ) { response in
                        #expect(
                            response.status == expected, "\(method) \(uri) with \(key.map { _ in "a key" } ?? "none")")
                    }
                }
            }
        }
        #expect(runs.all == ["2024-01-14…2024-01-15 force=false"])
        #expect(try await KeyStore(store: store).key(id: victim)?.isRevoked == true)
    }

    @Test func readsNeedAKeyUnlessPublicAndAdminAlwaysDoes() async throws {
        let (closed, _, _, _, _, _) = try await Self.fixture()
        try await closed.application().test(.router) { client in
            try await client.execute(uri: "/v1/dates/2024-01-15/games", method: .get) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/v1/dates/2024-01-15/games", method: .get, headers: [.authorization: "Bearer nonsense"]
            ) { #expect($0.status == .unauthorized) }
        }
        let (open, _, _, _, _, _) = try await Self.fixture(publicRead: true)
        try await open.application().test(.router) { client in
            try await client.execute(uri: "/v1/dates/2024-01-15/games", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/admin/keys", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func aSpentRateLimitIs429WithRetryAfter() async throws {
        // The server's clock stands still, so no token comes back between the requests however slow they are.
        let (server, _, read, _, _, _) = try await Self.fixture(
            requestsPerMinute: 60, burst: 2, clock: ManualClock())
        try await server.application().test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/jobs?limit=1", method: .get, headers: Self.bearer(read)) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/jobs?limit=1", method: .get, headers: Self.bearer(read)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "1")
                let code = try Self.errorCode(response)
                #expect(code == "too_many_requests")
            }
        }
    }

    @Test func securityHeadersAndARequestIdOnEveryResponse() async throws {
        let (server, _, _, _, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            for uri in ["/healthz", "/v1/jobs", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = try #require(response.headers[.contentSecurityPolicy])
                    #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                    let id = response.headers[HTTPField.Name("X-Request-Id")!] ?? ""
                    #expect(!id.isEmpty && id.allSatisfy(\.isHexDigit))
                }
            }
        }
    }

    @Test func everyPathOfTheDocumentIsServed() async throws {
        let document = try String(contentsOf: TestPaths.repo("openapi.yaml"), encoding: .utf8)
        #expect(document == OpenAPIDocument.yaml, "run scripts/generate-openapi.sh")
        let paths = document.split(separator: "\n").filter { $0.hasPrefix("  /") && $0.hasSuffix(":") }
            .map { String($0.dropFirst(2).dropLast()) }
        #expect(paths.count == 15)
        let (server, _, _, admin, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            for path in paths {
                let uri = path.replacingOccurrences(of: "{date}", with: "2024-01-15")
                    .replacingOccurrences(of: "{player_id}", with: "203954")
                    .replacingOccurrences(of: "{key_id}", with: "unknownkey12")
                let method: HTTPRequest.Method =
                    uri.hasSuffix("/retry") || uri.hasSuffix("/runs") ? .post : uri.contains("/keys/") ? .delete : .get
                try await client.execute(uri: uri, method: method, headers: Self.bearer(admin)) { response in
                    let code = response.status == .notFound ? try Self.errorCode(response) : nil
                    #expect(code != "not_found" || uri.contains("unknownkey12"), "\(method) \(uri) is not routed")
                    #expect(response.status.code < 500, "\(method) \(uri): \(response.status)")
                }
            }
        }
    }

    @Test func metricsAreForAdminsAndCountTheQueueAndTheRequests() async throws {
        let (server, store, read, admin, _, _) = try await Self.fixture()
        let done = try await JobQueue(store: store).counts()[.done] ?? 0
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/v1/dates/2024-01-15/games", method: .get, headers: Self.bearer(read)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: Self.bearer(read)) {
                #expect($0.status == .forbidden)
            }
            let text = try await client.execute(uri: "/metrics", method: .get, headers: Self.bearer(admin)) {
                #expect($0.status == .ok)
                return String(buffer: $0.body)
            }
            #expect(text.contains("hoopcast_jobs{state=\"done\"} \(done)"), "\(text.prefix(400))")
            #expect(text.contains("hoopcast_step_last_success_timestamp_seconds{step=\"predict.systems\"}"))
            #expect(text.contains("hoopcast_step_duration_seconds{step=\"grade.predictions\",quantile=\"0.5\"}"))
            #expect(
                text.contains(
                    "hoopcast_http_request_duration_seconds_count{route=\"/v1/dates/{date}/games\",method=\"GET\",status=\"200\"} 1"
                ), "\(text)")
        }
    }

    @Test func theDocumentsEnumerationsAreTheDomains() {
        for market in Market.allCases { #expect(Components.Schemas.Market(market).domain == market) }
        for system in SystemName.allCases { #expect(Components.Schemas.SystemName(system).domain == system) }
        for call in Recommendation.allCases { #expect(Components.Schemas.Recommendation(call).domain == call) }
        for status in JobStatus.allCases { #expect(Components.Schemas.JobStatus(status).domain == status) }
        for scope in KeyScope.allCases { #expect(Components.Schemas.Scope(scope).domain == scope) }
        for outcome in BetOutcome.allCases { #expect(Components.Schemas.Outcome(outcome).rawValue == outcome.rawValue) }
        #expect(Components.Schemas.Market.allCases.count == Market.allCases.count)
        #expect(Components.Schemas.SystemName.allCases.count == SystemName.allCases.count)
    }
}
