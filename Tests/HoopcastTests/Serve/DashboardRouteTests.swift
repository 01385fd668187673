import Foundation
import HTTPTypes
import HoopcastAlerts
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastPredictions
import HoopcastStore
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@testable import HoopcastServe

/// The dashboard through a live server: pages for sessions, sign-in and sign-out, CSRF on every form, the admin
/// retry button, revoked keys, HTML errors beside the API's JSON ones, and hostile player names.
@Suite struct DashboardRouteTests {
    /// A server over `store` with a read, an admin and a revoked key.
    static func fixture(store: Store? = nil, publicRead: Bool = false) async throws
        -> (server: HoopcastServer, store: Store, read: String, admin: String, revoked: String)
    {
        let shared = try await PredictionStepTests.shared.value.store
        let store = store ?? shared
        let keys = KeyStore(store: store)
        let read = try await keys.create(name: "dashboard read", scope: .read).token.description
        let admin = try await keys.create(name: "dashboard admin", scope: .admin).token.description
        let revoked = try await keys.create(name: "dashboard revoked", scope: .read)
        try await keys.revoke(id: revoked.key.id)
        let server = HoopcastServer(
            configuration: ServeConfiguration(port: 0, publicRead: publicRead, requestsPerMinute: 6000, burst: 1000),
            store: store, admin: AdminActions { _, _, _ in (0, 0) })
        return (server, store, read, admin, revoked.token.description)
    }

    /// A store of its own (2024-01-14 and 15 run) for the tests that add rows: failed jobs, hostile names.
    static let ownStore = Task { try await PredictionStepTests.backfilled(from: "2024-01-14").store }

    static func html(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The value of the cookie `name` a response sets.
    static func setCookie(_ response: TestResponse, _ name: String) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix("\(name)=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The first `name="csrf" value="…"` of a page.
    static func csrf(_ html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0)=\(DashboardQuery.encode($1))" }.joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in with `key`; the response of the sign-in post.
    static func postSignIn(_ client: some TestClientProtocol, key: String, next: String = "/") async throws
        -> TestResponse
    {
        let (nonce, token) = try await client.execute(uri: "/login", method: .get) { response in
            (setCookie(response, DashboardSessions.signInCookieName), csrf(html(response)))
        }
        var headers = formHeaders
        headers[.cookie] = "\(DashboardSessions.signInCookieName)=\(try #require(nonce))"
        return try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: form([("key", key), ("csrf", try #require(token)), ("next", next)]))
    }

    /// A session cookie header for `key`.
    static func session(_ client: some TestClientProtocol, key: String) async throws -> HTTPFields {
        let response = try await postSignIn(client, key: key)
        #expect(response.status == .seeOther)
        let cookie = try #require(setCookie(response, DashboardSessions.cookieName))
        return [.cookie: "\(DashboardSessions.cookieName)=\(cookie)"]
    }

    /// A job of `store` failed for good, with an error text that must be escaped.
    static func failedJob(_ store: Store, step: String) async throws -> String {
        let queue = JobQueue(store: store)
        let spec = JobSpec(step: step, date: GameDate("2024-01-15")!, maxAttempts: 1)
        try await queue.enqueue([spec], correlationID: "dashboard-\(step)")
        let job = try #require(try await queue.claim(owner: "dashboard-test", steps: [step]))
        _ = try await store.transaction { db in
            try await queue.fail(
                job, permanently: "source <b>down</b> & out", rowsWritten: 0, elapsed: .zero, on: db)
        }
        return spec.key
    }

    @Test func everyPageLoadsForAReadSessionAndTheSlateHoldsTheStoredRows() async throws {
        let (server, store, read, _, _) = try await Self.fixture()
        let date = PredictionStepTests.date
        let lined = try await PredictionReader(db: store.sql).rows(on: date).filter {
            $0.system == .ensemble && $0.line != nil
        }
        let player = try #require(lined.first).playerID
        try await server.application().test(.router) { client in
            let cookie = try await Self.session(client, key: read)
            for uri in [
                "/", "/tonight?date=\(date)", "/players", "/players?q=green", "/players/\(player)?date=\(date)",
                "/performance", "/performance?from=2024-01-08&to=2024-01-15&market=points&system=matchup",
                "/pipeline",
            ] {
                try await client.execute(uri: uri, method: .get, headers: cookie) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                    let html = Self.html(response)
                    #expect(html.hasPrefix("<!doctype html>") && html.contains("<h1>") && html.contains("</html>"))
                    #expect(html.contains("dashboard read") && !html.contains("/pipeline/retry"), "\(uri)")
                }
            }
            let slate = try await client.execute(uri: "/tonight?date=\(date)", method: .get, headers: cookie) {
                Self.html($0)
            }
            #expect(slate.components(separatedBy: #"<th scope="row" data-value="#).count - 1 == lined.count)
            // The fixture's lines of the date are all points + rebounds + assists: a game narrows the slate.
            let game = try #require(lined.first).gameID
            let narrowed = try await client.execute(
                uri: "/tonight?date=\(date)&market=points_rebounds_assists&game=\(game)", method: .get, headers: cookie
            ) { Self.html($0) }
            let expected = lined.filter { $0.market == .pointsReboundsAssists && $0.gameID == game }.count
            #expect(expected > 0 && expected < lined.count)
            #expect(narrowed.components(separatedBy: #"<th scope="row" data-value="#).count - 1 == expected)
            let page = try await client.execute(
                uri: "/players/\(player)?date=\(date)", method: .get, headers: cookie
            ) { Self.html($0) }
            #expect(page.components(separatedBy: #"<svg class="chart"#).count - 1 == Market.allCases.count + 1)
        }
    }

    @Test func withoutASessionPagesSendToSignInUnlessReadsArePublic() async throws {
        let (server, _, _, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/tonight?date=2024-01-15", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=%2Ftonight%3Fdate%3D2024-01-15")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok && Self.html(response).contains(#"<label for="key">API key</label>"#))
                let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("hoopcast_sign_in=") }
                #expect(cookie?.contains("HttpOnly") == true && cookie?.contains("SameSite=Strict") == true)
            }
        }
        let (open, _, _, _, _) = try await Self.fixture(publicRead: true)
        try await open.application().test(.router) { client in
            try await client.execute(uri: "/tonight?date=2024-01-15", method: .get) { response in
                #expect(response.status == .ok && Self.html(response).contains(#"<a href="/login">Sign in</a>"#))
            }
        }
    }

    /// Ten sign-in attempts a minute per address: the eleventh waits the 6 s a token takes to come back.
    @Test func signInAttemptsAreLimitedPerAddress() async throws {
        let store = try await PredictionStepTests.shared.value.store
        let clock = ManualClock()
        let server = HoopcastServer(
            configuration: ServeConfiguration(port: 0), store: store, admin: AdminActions { _, _, _ in (0, 0) },
            clock: clock)
        let unknown = "hc_aaaaaaaaaaaa_" + String(repeating: "b", count: 37)
        try await server.application().test(.router) { client in
            for attempt in 1...10 {
                #expect(try await Self.postSignIn(client, key: unknown).status == .unauthorized, "attempt \(attempt)")
            }
            let refused = try await Self.postSignIn(client, key: unknown)
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "6")
            #expect(Self.html(refused).contains("Too many sign-in attempts"))
            clock.advance(by: .seconds(6))
            #expect(try await Self.postSignIn(client, key: unknown).status == .unauthorized)
        }
    }

    @Test func signingInSetsAStrictHttpOnlySessionCookieAndReturnsWhereTheUserWasGoing() async throws {
        let (server, _, read, _, revoked) = try await Self.fixture()
        try await server.application().test(.router) { client in
            let response = try await Self.postSignIn(client, key: read, next: "/performance?market=points")
            #expect(response.status == .seeOther && response.headers[.location] == "/performance?market=points")
            let header = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix("\(DashboardSessions.cookieName)=") })
            #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict") && header.contains("Path=/"))
            #expect(!header.contains("Secure") && header.contains("Max-Age=43200"))
            for key in [revoked, "hc_aaaaaaaaaaaa_" + String(repeating: "b", count: 37), "not a key"] {
                let refused = try await Self.postSignIn(client, key: key)
                #expect(refused.status == .unauthorized)
                #expect(Self.setCookie(refused, DashboardSessions.cookieName) == nil)
                #expect(Self.html(refused).contains(#"role="alert""#))
            }
            // An offsite next is ignored.
            let offsite = try await Self.postSignIn(client, key: read, next: "//evil.example/")
            #expect(offsite.headers[.location] == "/")
        }
    }

    @Test func aRevokedKeysSessionStopsWorking() async throws {
        let (server, store, _, _, _) = try await Self.fixture()
        let keys = KeyStore(store: store)
        let (key, token) = try await keys.create(name: "soon revoked", scope: .admin)
        try await server.application().test(.router) { client in
            let cookie = try await Self.session(client, key: token.description)
            try await client.execute(uri: "/pipeline", method: .get, headers: cookie) {
                #expect($0.status == .ok)
            }
            try await keys.revoke(id: key.id)
            try await client.execute(uri: "/pipeline", method: .get, headers: cookie) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=%2Fpipeline&ended=1")
                #expect(Self.setCookie(response, DashboardSessions.cookieName) == "")
            }
        }
    }

    /// The pipeline page's alerts and sources: what the ledger holds firing, and a source failing now, escaped.
    @Test func thePipelinePageShowsFiringAlertsAndFailingSources() async throws {
        let store = try await Self.ownStore.value
        let now = SystemClock().now
        try await AlertLedger(db: store.sql).seen(
            Alert(key: "job.failed:dashboard/<x>", severity: .critical, title: "job <b>x</b> failed", detail: "d"),
            at: now - .seconds(120))
        try await SourceHealthBoard(db: store.sql).record(
            source: "odds_api", succeeded: false, error: "odds_api.events [fetch]: <i>HTTP 503</i>",
            at: now - .seconds(1800))
        let (server, _, read, _, _) = try await Self.fixture(store: store)
        try await server.application().test(.router) { client in
            let page = try await client.execute(
                uri: "/pipeline", method: .get, headers: try await Self.session(client, key: read)
            ) {
                Self.html($0)
            }
            #expect(
                page.contains(
                    #"<span class="call call-under">CRITICAL</span></td><th scope="row">job &lt;b&gt;x&lt;/b&gt; failed "#
                        + "<code>job.failed:dashboard/&lt;x&gt;</code></th>"))
            #expect(page.contains("not notified"))
            #expect(page.contains(#"<th scope="row">odds_api</th><td>never</td>"#))
            #expect(page.contains(#"<span class="call call-under">FAILING</span> failing for "#))
            #expect(page.contains("(1 attempts): odds_api.events [fetch]: &lt;i&gt;HTTP 503&lt;/i&gt;"))
            #expect(!page.contains("<b>x</b>") && !page.contains("<i>HTTP"))
        }
        // Leave the shared store as the other tests expect it.
        _ = try await AlertLedger(db: store.sql).resolve("job.failed:dashboard/<x>", at: now)
        try await SourceHealthBoard(db: store.sql).record(source: "odds_api", succeeded: true, error: nil, at: now)
    }

    @Test func theRetryButtonIsForAdminSessionsAndRetriesTheJob() async throws {
        let store = try await Self.ownStore.value
        let job = try await Self.failedJob(store, step: "dashboard.retry")
        let (server, _, read, admin, _) = try await Self.fixture(store: store)
        try await server.application().test(.router) { client in
            let reader = try await Self.session(client, key: read)
            let page = try await client.execute(uri: "/pipeline", method: .get, headers: reader) { Self.html($0) }
            #expect(page.contains("<code>\(job)</code>") && page.contains("source &lt;b&gt;down&lt;/b&gt; &amp; out"))
            #expect(!page.contains("/pipeline/retry"))
            let boss = try await Self.session(client, key: admin)
            let adminPage = try await client.execute(uri: "/pipeline", method: .get, headers: boss) { Self.html($0) }
            #expect(adminPage.contains(#"<input type="hidden" name="job" value="\#(job)">"#))
            var headers = boss
            headers[.contentType] = "application/x-www-form-urlencoded"
            let token = try #require(Self.csrf(adminPage))
            try await client.execute(
                uri: "/pipeline/retry", method: .post, headers: headers,
                body: Self.form([("csrf", token), ("job", job)])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/pipeline?retried=1")
            }
            #expect(try await JobQueue(store: store).status(of: job) == .queued)
        }
    }

    @Test func formsWithoutTheSessionsTokenAreRefused() async throws {
        let store = try await Self.ownStore.value
        let job = try await Self.failedJob(store, step: "dashboard.csrf")
        let (server, _, read, admin, _) = try await Self.fixture(store: store)
        try await server.application().test(.router) { client in
            let boss = try await Self.session(client, key: admin)
            let other = try await Self.session(client, key: admin)
            let reader = try await Self.session(client, key: read)
            let otherToken = try await client.execute(uri: "/pipeline", method: .get, headers: other) {
                try #require(Self.csrf(Self.html($0)))
            }
            let readerToken = try await client.execute(uri: "/pipeline", method: .get, headers: reader) {
                try #require(Self.csrf(Self.html($0)))
            }
            let attempts: [(HTTPFields, [(String, String)])] = [
                (boss, [("job", job)]), (boss, [("csrf", "00"), ("job", job)]),
                (boss, [("csrf", otherToken), ("job", job)]), ([:], [("csrf", otherToken), ("job", job)]),
                (reader, [("csrf", readerToken), ("job", job)]),
            ]
            for (cookie, fields) in attempts {
                var headers = cookie
                headers[.contentType] = "application/x-www-form-urlencoded"
                try await client.execute(
                    uri: "/pipeline/retry", method: .post, headers: headers, body: Self.form(fields)
                ) { response in
                    #expect(response.status == .forbidden, "\(fields)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                }
            }
            #expect(try await JobQueue(store: store).status(of: job) == .failed)
            var signOut = boss
            signOut[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/logout", method: .post, headers: signOut, body: Self.form([])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/login", method: .post, headers: Self.formHeaders, body: Self.form([("key", admin)])
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/logout", method: .post, headers: signOut, body: Self.form([("csrf", otherToken)])
            ) { #expect($0.status == .forbidden) }
            let token = try await client.execute(uri: "/pipeline", method: .get, headers: boss) {
                try #require(Self.csrf(Self.html($0)))
            }
            try await client.execute(
                uri: "/logout", method: .post, headers: signOut, body: Self.form([("csrf", token)])
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login?signed_out=1")
                #expect(Self.setCookie(response, DashboardSessions.cookieName) == "")
            }
        }
    }

    @Test func hostileNamesRenderEscaped() async throws {
        let store = try await Self.ownStore.value
        let date = PredictionStepTests.date
        let lined = try await PredictionReader(db: store.sql).rows(on: date).filter {
            $0.system == .ensemble && $0.line != nil
        }
        let ids = Array(Set(lined.map(\.playerID))).sorted().prefix(2)
        let script = "<script>alert(1)</script>", long = String(repeating: "Ω<&\"'", count: 2048)
        for (id, name) in zip(ids, [script, long]) {
            try await store.transaction { db in
                try await db.raw("UPDATE registry_players SET name = \(bind: name) WHERE player_id = \(bind: id)").run()
            }
        }
        let escapedLong = String(repeating: "Ω&lt;&amp;&quot;&#39;", count: 2048)
        let (server, _, read, _, _) = try await Self.fixture(store: store)
        try await server.application().test(.router) { client in
            let cookie = try await Self.session(client, key: read)
            for uri in [
                "/tonight?date=\(date)", "/players/\(ids.first!)?date=\(date)", "/players?q=script",
                "/players/\(ids.last!)?date=\(date)",
            ] {
                let html = try await client.execute(uri: uri, method: .get, headers: cookie) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return Self.html(response)
                }
                #expect(!html.contains(script) && !html.contains(long), "\(uri)")
                #expect(
                    html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains(escapedLong), "\(uri)")
            }
        }
    }

    @Test func pageErrorsAreHTMLAndAPIErrorsStayJSON() async throws {
        let (server, _, read, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            let cookie = try await Self.session(client, key: read)
            try await client.execute(uri: "/players/999999999", method: .get, headers: cookie) { response in
                #expect(response.status == .notFound && response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.html(response).contains("No player has the id 999999999."))
            }
            try await client.execute(uri: "/tonight?date=2024-02-30", method: .get, headers: cookie) { response in
                #expect(response.status == .badRequest && Self.html(response).contains("parameter &#39;date&#39;"))
            }
            var browser = cookie
            browser[.accept] = "text/html,application/xhtml+xml"
            try await client.execute(uri: "/no-such-page", method: .get, headers: browser) { response in
                #expect(
                    response.status == .notFound && Self.html(response).contains("There is no page at this address."))
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(
                    response.status == .notFound
                        && response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/v1/players?q=ab", method: .get, headers: browser) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func aSessionMadeByOneServerIsValidOnAnotherOfTheStore() async throws {
        let (first, store, read, _, _) = try await Self.fixture()
        let cookie = try await first.application().test(.router) { client in
            try await Self.session(client, key: read)
        }
        let (second, _, _, _, _) = try await Self.fixture(store: store)
        try await second.application().test(.router) { client in
            try await client.execute(uri: "/pipeline", method: .get, headers: cookie) { #expect($0.status == .ok) }
        }
    }

    @Test func assetsAreCachedForAYear() async throws {
        let (server, _, _, _, _) = try await Self.fixture()
        try await server.application().test(.router) { client in
            for (path, type) in [
                (DashboardAssets.cssPath, "text/css; charset=utf-8"),
                (DashboardAssets.jsPath, "text/javascript; charset=utf-8"),
                (DashboardAssets.iconPath, "image/svg+xml"),
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok && response.headers[.contentType] == type)
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                }
            }
        }
    }
}
