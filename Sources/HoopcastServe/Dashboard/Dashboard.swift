import HoopcastCore
import HoopcastGrading
import HoopcastStore
import Hummingbird

/// The web dashboard on the API's server: server-rendered pages (Tonight, Player, Performance, Pipeline), sign-in
/// with an API key into a session cookie, and CSRF-checked forms. Pages are HTML from mustache templates with SVG
/// charts, one style sheet and one optional script from `/assets`, so the Content-Security-Policy needs nothing
/// but this origin. Read pages need a session unless reads are public; retrying jobs needs an admin session.
public struct Dashboard: Sendable {
    let store: Store
    let sessions: DashboardSessions
    let publicRead: Bool
    let requestTimeout: Duration
    let clock: any WallClock
    /// The dates' graded rows for the Tonight page.
    let dayGrades = VersionedCache<GameDate, [GradedPrediction]>(capacity: SlateReader.cachedDates)
    /// The dates' joined predictions (shared with the API when the server makes both).
    let slates: VersionedCache<GameDate, [SlatePrediction]>
    let evaluations = VersionedCache<EvaluationKey, EvaluationReport.SystemResult?>(capacity: 64)
    /// Sign-in attempts per client address: ``signInAttemptsPerMinute`` a minute, as many at once.
    let signInLimiter: RateLimiter
    /// Sign-in attempts an address may make a minute (keys are 190-bit secrets: this only spares the store).
    public static let signInAttemptsPerMinute = 10.0

    /// The dashboard over `store` with the keys of `keys`; `tls` marks its cookies `Secure`.
    public init(
        store: Store, keys: KeyStore, configuration: ServeConfiguration, tls: Bool = false,
        clock: any WallClock = SystemClock(),
        slates: VersionedCache<GameDate, [SlatePrediction]> = VersionedCache(capacity: SlateReader.cachedDates)
    ) {
        self.slates = slates
        self.store = store
        self.sessions = DashboardSessions(
            keys: keys, secrets: SessionSecretStore(store: store, clock: clock), clock: clock, tls: tls)
        self.publicRead = configuration.publicRead
        self.requestTimeout = configuration.requestTimeout
        self.clock = clock
        self.signInLimiter = RateLimiter(
            requestsPerMinute: Self.signInAttemptsPerMinute, burst: Self.signInAttemptsPerMinute, clock: clock)
    }

    /// The first segments of the dashboard's paths: errors there are answered with an HTML page.
    static let pathPrefixes = ["/tonight", "/players", "/performance", "/pipeline", "/login", "/logout", "/assets"]

    /// Today in US Eastern time.
    var today: GameDate { GameDate.eastern(at: clock.now.date) }

    /// Adds the dashboard's routes to `router`, and the middleware that answers errors of HTML requests with a page
    /// (it wraps the routes added from here on and the router's "no such route"; call this after the API's routes).
    public func register(on router: Router<ServeContext>) {
        router.add(middleware: DashboardErrorMiddleware(sessions: sessions))
        DashboardAssets.register(on: router)
        router.get("/") { request, _ in try await tonight(request) }
        router.get("/tonight") { request, _ in try await tonight(request) }
        router.get("/players") { request, _ in try await playerSearch(request) }
        router.get("/players/:id") { request, context in
            try await player(request, id: try context.parameters.require("id", as: Int.self))
        }
        router.get("/performance") { request, _ in try await performance(request) }
        router.get("/pipeline") { request, _ in try await pipeline(request) }
        router.post("/pipeline/retry") { request, context in try await retry(request, context) }
        router.get("/login") { request, _ in try await signInPage(request) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.get("/logout") { request, _ in try await signOutPage(request) }
        router.post("/logout") { request, context in try await signOut(request, context) }
    }

    /// A read page: the viewer resolved, sent to sign in when reads are not public and nobody is signed in, the
    /// page built within the request time limit, a stale session cookie cleared.
    func readPage(_ request: Request, build: @escaping @Sendable (Viewer) async throws -> Response) async throws
        -> Response
    {
        let viewer = try await sessions.viewer(of: request)
        guard viewer.isSignedIn || publicRead else {
            let here = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            var response = HTMLPage.redirect(
                to: DashboardQuery.link("/login", [("next", here), ("ended", viewer.staleCookie ? "1" : nil)]))
            if viewer.staleCookie { response.setCookie(sessions.clearing(DashboardSessions.cookieName)) }
            return response
        }
        let limit = requestTimeout
        var response = try await TimeLimit.run(
            limit: limit, timeout: { APIError(.unavailable, "The page took longer than \(limit).", retryAfter: 5) },
            { try await build(viewer) })
        if viewer.staleCookie { response.setCookie(sessions.clearing(DashboardSessions.cookieName)) }
        return response
    }

    func tonight(_ request: Request) async throws -> Response {
        try await readPage(request) { viewer in
            let query = try TonightQuery(DashboardQuery(request.uri.query))
            let view = try await TonightPage(store: store, today: today, slates: slates, grades: dayGrades).view(
                query: query, layout: Layout(title: "Slate", section: .tonight, viewer: viewer))
            return HTMLPage.response("tonight", view)
        }
    }

    func playerSearch(_ request: Request) async throws -> Response {
        try await readPage(request) { viewer in
            let query = DashboardQuery(request.uri.query)["q"].map { String($0.prefix(100)) }
            let view = try await PlayerPageReader(store: store, today: today).search(
                query: query, layout: Layout(title: "Players", section: .players, viewer: viewer))
            return HTMLPage.response("players", view)
        }
    }

    func player(_ request: Request, id: Int) async throws -> Response {
        try await readPage(request) { viewer in
            let date = try DashboardQuery(request.uri.query).date("date")
            let view = try await PlayerPageReader(store: store, today: today).view(id: id, date: date) { name in
                Layout(title: name, section: .players, viewer: viewer)
            }
            return HTMLPage.response("player", view)
        }
    }

    func performance(_ request: Request) async throws -> Response {
        try await readPage(request) { viewer in
            let query = try PerformanceQuery(DashboardQuery(request.uri.query))
            let view = try await PerformancePage(store: store, today: today, cache: evaluations).view(
                query: query, layout: Layout(title: "Performance", section: .performance, viewer: viewer))
            return HTMLPage.response("performance", view)
        }
    }

    func pipeline(_ request: Request) async throws -> Response {
        try await readPage(request) { viewer in
            let query = DashboardQuery(request.uri.query)
            let flash = query["retried"].flatMap(Int.init).map { count in
                count == 0
                    ? "Nothing was re-opened: the job is no longer failed."
                    : "Re-opened \(count) job\(count == 1 ? "" : "s"); workers pick them up from the queue."
            }
            let view = try await PipelinePage(store: store, clock: clock).view(
                viewer: viewer, flash: flash,
                layout: Layout(title: "Pipeline", section: .pipeline, viewer: viewer),
                checkDate: try query.date("checks"))
            return HTMLPage.response("pipeline", view)
        }
    }
}
