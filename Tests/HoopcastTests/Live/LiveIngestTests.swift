import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive
import HoopcastStore
import HoopcastStub
import SQLKit
import Testing

/// `ingest` and `replay` end to end against the loopback stub replaying the real captured responses.
@Suite struct LiveIngestTests {
    static let samples = LiveFixtures.self

    /// NBA.com without the per-game box scores: no box-score capture exists for 2025-03-15's games (the one capture,
    /// game 0022400561 of 2025-01-15, is in `BoxScoreTraditionalTests`).
    static let nbaWithoutBoxScores: Set<String> = [
        "nba_cdn", "nba_stats.scoreboard", "nba_stats.player_index", "nba_stats.team_game_log",
        "nba_stats.player_game_log",
    ]

    static let teamLogQuery =
        "/stats/leaguegamelog?Counter=1000&DateFrom=2025-03-15&DateTo=2025-03-15&Direction=DESC&LeagueID=00&PlayerOrTeam=T"

    /// The NBA.com routes, answered with the real captures (schedule 2024-25, leaguegamelog of 2025-03-15, …).
    static func nbaRoutes() throws -> StubRoutes {
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        routes.on(
            "/static/json/liveData/playbyplay/",
            StubRoutes.json(try LiveFixtures.bytes("nbac_play_by_play/raw_14ecf360.json.gz")))
        routes.on(
            "/stats/scoreboardv2", StubRoutes.json(try LiveFixtures.bytes("nbac_scoreboard_v2/raw_055ff78d.json")))
        routes.on("/stats/playerindex", StubRoutes.json(try LiveFixtures.bytes("nbac_player_list/raw_7af00b51.json")))
        routes.on(teamLogQuery, StubRoutes.json(try LiveFixtures.bytes("derived/leaguegamelog_teams_2025-03-15.json")))
        routes.on(
            "/stats/leaguegamelog", StubRoutes.json(try LiveFixtures.bytes("nbac_player_boxscore/raw_2ad17718.json")))
        return routes
    }

    struct Harness {
        let server: StubServer
        let transport: AsyncHTTPTransport
        let store: Store
        let archive: RawArchive
        let clock = ManualClock.virtual()
        let logs = LogCapture()

        static func start(_ routes: StubRoutes, store: Store? = nil, policy: HostPolicy = StubClient.fast())
            async throws -> Harness
        {
            let archive = RawArchive(
                root: Scratch.root
                    .appendingPathComponent("hoopcast-archive-\(UUID().uuidString)"))
            let resolvedStore: Store
            if let store { resolvedStore = store } else { resolvedStore = try await TestStore.fresh() }
            return Harness(
                server: try await routes.start(), transport: AsyncHTTPTransport(connectTimeouts: [.seconds(2)]),
                store: resolvedStore, archive: archive, policy: policy)
        }

        private init(
            server: StubServer, transport: AsyncHTTPTransport, store: Store, archive: RawArchive,
            policy: HostPolicy
        ) {
            self.server = server
            self.transport = transport
            self.store = store
            self.archive = archive
            self.policy = policy
        }

        let policy: HostPolicy

        func ingestor(oddsKey: String? = nil, bdlKey: String? = nil) -> LiveIngestor {
            var urls: [String: String] = [:]
            for source in SourceSettings.defaultBaseURLs.keys { urls[source] = server.baseURL }
            let settings = SourceSettings(baseURLs: urls, oddsAPIKey: oddsKey, ballDontLieKey: bdlKey)
            return LiveIngestor(
                client: StubClient.make(clock: clock, transport: transport, logger: logs, policy: policy),
                store: store, archive: archive, settings: settings, clock: clock,
                logger: logs.logger("ingest"))
        }

        func stop() async throws {
            try await transport.shutdown()
            try await server.shutdown()
        }

        func count(_ table: String, where condition: String? = nil) async throws -> Int {
            try await TestStore.snapshot(store, table, where: condition).count
        }
    }

    @Test func nbaSourcesIngestADateAndASecondRunChangesNothing() async throws {
        let harness = try await Harness.start(try LiveIngestTests.nbaRoutes())
        let date = GameDate("2025-03-15")!
        let first = try await harness.ingestor().run(
            date: date, sources: LiveIngestTests.nbaWithoutBoxScores, runID: "run-1")
        #expect(!first.failed, "\(first.payloads.compactMap(\.error))")
        #expect(first.scheduledGames == 8)
        #expect(try await harness.count("raw_games", where: "game_date = '2025-03-15'") == 8)
        #expect(try await harness.count("raw_player_boxscores") == 157)
        #expect(try await harness.count("raw_play_by_play") == 571)
        #expect(try await harness.count("raw_source_players") == 594)
        // schedule, scoreboard, player index, team and player leaguegamelog, play-by-play of the 8 final games.
        #expect(first.payloads.map(\.endpoint).filter { $0 == "nba_cdn.play_by_play" }.count == 8)
        #expect(try await harness.count("raw_fetch_manifest") == 13)
        // The team game log agrees with the schedule's final score (Warriors 97, Knicks 94): nothing changed.
        #expect(
            try await TestStore.snapshot(
                harness.store, "raw_games", excluding: ["run_id", "content_hash"],
                where: "game_id = '0022400974'")
                == ["'0022400974'|'2024-25'|'regular_season'|'2025-03-15'|'GSW'|'NYK'|97|94"])
        #expect(first.payloads.first { $0.endpoint == "nba_stats.team_game_log" }?.writes.first?.unchanged == 8)
        let tables = [
            "raw_games", "raw_player_boxscores", "raw_play_by_play", "raw_source_players", "raw_fetch_manifest",
        ]
        var before: [[String]] = []
        for table in tables {
            before.append(try await TestStore.snapshot(harness.store, table, excluding: ["run_id", "fetched_at"]))
        }

        let second = try await harness.ingestor().run(
            date: date, sources: LiveIngestTests.nbaWithoutBoxScores, runID: "run-2")
        #expect(!second.failed)
        #expect(second.rowsChanged == 0)
        for (index, table) in tables.enumerated() {
            #expect(
                try await TestStore.snapshot(harness.store, table, excluding: ["run_id", "fetched_at"]) == before[index]
            )
        }
        // The boxscores keep the run that wrote them: the identical second run touched none.
        #expect(try await harness.count("raw_player_boxscores", where: "run_id = 'run-2'") == 0)
        try await harness.stop()
    }

    @Test func replayReparsesTheArchiveWithoutTheNetwork() async throws {
        let harness = try await Harness.start(try LiveIngestTests.nbaRoutes())
        let date = GameDate("2025-03-15")!
        _ = try await harness.ingestor().run(date: date, sources: LiveIngestTests.nbaWithoutBoxScores, runID: "run-1")
        let boxscores = try await TestStore.snapshot(harness.store, "raw_player_boxscores", excluding: ["run_id"])
        try await harness.stop()  // no network from here on

        // Same store: nothing changes.
        let again = try await Replayer(store: harness.store, archive: harness.archive)
            .replay(date: date, source: nil, dryRun: false, runID: "replay-1")
        #expect(again.count == 13 && again.allSatisfy { !$0.failed })
        #expect(again.flatMap(\.writes).allSatisfy { $0.inserted == 0 && $0.updated == 0 })

        // A fresh store rebuilt from the archive alone gets the same rows.
        let fresh = try await TestStore.fresh()
        let manifest = try await FetchManifest(store: harness.store).entries(date: date, source: nil)
        for entry in manifest { try await FetchManifest(store: fresh).record(entry) }
        let rebuilt = try await Replayer(store: fresh, archive: harness.archive)
            .replay(date: date, source: "nba_stats", dryRun: false, runID: "replay-2")
        #expect(rebuilt.count == 4)
        #expect(try await TestStore.snapshot(fresh, "raw_player_boxscores", excluding: ["run_id"]) == boxscores)
    }

    @Test func oddsIngestWritesLinesAndPropsAndTheKeyGoesNowhere() async throws {
        let key = "odds-key-7f3a9c2e51"
        let routes = StubRoutes()
        routes.on("/v4/sports/basketball_nba/events/", StubRoutes.json(try LiveIngestTests.propsPayload()))
        routes.on(
            "/v4/sports/basketball_nba/events",
            StubRoutes.json(try LiveFixtures.bytes("oddsa_events_his/raw_4c3bc8f6.json")))
        routes.on(
            "/v4/sports/basketball_nba/odds",
            StubRoutes.json(try LiveFixtures.bytes("oddsa_game_lines_his/raw_b722994c.json")))
        let harness = try await Harness.start(routes)
        // The schedule row the lines attach to (Hawks at Warriors, 24 January 2024), written as the import would.
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed",
            rows: [
                [
                    "game_id": "0022300620", "season": "2023-24", "season_type": "regular_season",
                    "game_date": "2024-01-24",
                    "home_team": "GSW", "away_team": "ATL", "home_pts": "", "away_pts": "",
                ]
            ], store: harness.store, runID: "seed")
        let report = try await harness.ingestor(oddsKey: key).run(
            date: GameDate("2024-01-24")!, sources: ["odds_api"],
            runID: "odds-1")
        #expect(!report.failed, "\(report.payloads.compactMap(\.error))")
        // The key reached the source …
        #expect(harness.server.requests.allSatisfy { $0.query.contains("apiKey=\(key)") })
        // … events on the 24th (DAL–PHX, SAS–OKC, GSW–ATL) each got a props request.
        #expect(
            harness.server.requests.filter { $0.path.hasSuffix("/odds") && $0.path.contains("/events/") }.count == 3)
        #expect(
            try await TestStore.snapshot(harness.store, "raw_game_lines", excluding: ["run_id", "content_hash"]) == [
                "'0022300620'|'odds_api.draftkings'|'2024-01-24'|'GSW'|'ATL'|248.5|-6.5|NULL|NULL",
                "'0022300620'|'odds_api.fanduel'|'2024-01-24'|'GSW'|'ATL'|247.5|-7.5|NULL|NULL",
            ])
        #expect(try await harness.count("raw_prop_lines") == 1)
        // … and appears in no log line, manifest row or archived file.
        #expect(!harness.logs.all.isEmpty)
        #expect(harness.logs.all.allSatisfy { !$0.contains(key) })
        let manifest = try await TestStore.snapshot(harness.store, "raw_fetch_manifest")
        #expect(manifest.count == 5 && manifest.allSatisfy { !$0.contains(key) })
        #expect(manifest.allSatisfy { $0.contains("apiKey=REDACTED") })
        let files = try FileManager.default.subpathsOfDirectory(atPath: harness.archive.root.path).filter {
            $0.hasSuffix(".gz")
        }
        #expect(files.count == 3)  // events, game lines, props (identical props payloads stored once)
        for file in files {
            let text = String(
                decoding: try FileReader.read(harness.archive.root.appendingPathComponent(file)), as: UTF8.self)
            #expect(!text.contains(key))
        }
        try await harness.stop()
    }

    @Test func sourceDownForTheWholeRunFailsTheStepAndOpensTheBreaker() async throws {
        let routes = StubRoutes()
        routes.on("/v1/", StubRoutes.status(503))
        let harness = try await Harness.start(routes, policy: StubClient.fast(attempts: 2, threshold: 3))
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed",
            rows: [
                [
                    "game_id": "0022400968", "season": "2024-25", "season_type": "regular_season",
                    "game_date": "2025-03-15",
                    "home_team": "BKN", "away_team": "BOS", "home_pts": "", "away_pts": "",
                ]
            ], store: harness.store, runID: "seed")
        let report = try await harness.ingestor(bdlKey: "bdl-secret-key-1").run(
            date: GameDate("2025-03-15")!,
            sources: ["bdl"], runID: "bdl-1")
        #expect(report.failed)
        // games, box scores, injuries, standings, players
        #expect(report.payloads.count == 5 && report.payloads.allSatisfy { $0.errorKind == "fetch" })
        // games: 2 attempts; box scores: 1 attempt, then the breaker (3 consecutive failures) opens; the rest
        // are refused without a request.
        #expect(harness.server.requests.count == 3)
        #expect(report.payloads.last?.error?.contains("circuit breaker open") == true)
        #expect(try await harness.count("raw_source_games") == 0)
        #expect(try await harness.count("raw_injuries") == 0)
        // The 503 bodies that did arrive are archived and recorded as failed.
        let failed = try await harness.count("raw_fetch_manifest", where: "parse_status = 'failed'")
        #expect(failed == 2)
        // The Ball Don't Lie key went out as a header and is nowhere in the logs or the manifest.
        #expect(harness.server.requests.allSatisfy { $0.headers["authorization"] == "bdl-secret-key-1" })
        #expect(harness.logs.all.allSatisfy { !$0.contains("bdl-secret-key-1") })
        #expect(
            try await TestStore.snapshot(harness.store, "raw_fetch_manifest").allSatisfy {
                !$0.contains("bdl-secret-key-1")
            })
        try await harness.stop()
    }

    @Test func malformedPayloadsNeverReachTheTablesAndTheStepFails() async throws {
        let routes = try LiveIngestTests.nbaRoutes()
        let scoreboard = try LiveFixtures.bytes("nbac_scoreboard_v2/raw_055ff78d.json")
        let truncated = StubResponse(body: Array(scoreboard.prefix(6000)))  // complete HTTP message, cut JSON
        let wrongType = StubResponse(
            headers: [("Content-Type", "text/plain")],
            body: try LiveFixtures.bytes("nbac_player_boxscore/raw_2ad17718.json"))
        let replaced = StubRoutes()
        replaced.on("/stats/scoreboardv2", truncated)
        replaced.on("/stats/playerindex", StubRoutes.htmlPage)
        replaced.on("/stats/leaguegamelog", wrongType)
        replaced.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        replaced.on(
            "/static/json/liveData/playbyplay/", StubRoutes.json(Array(#"{"game":{"gameId":"0022400968"}}"#.utf8)))
        _ = routes
        let harness = try await Harness.start(replaced)
        let report = try await harness.ingestor().run(
            date: GameDate("2025-03-15")!, sources: LiveIngestTests.nbaWithoutBoxScores,
            runID: "bad-1")
        #expect(report.failed)
        let kinds = Dictionary(grouping: report.payloads, by: \.endpoint).mapValues { Set($0.compactMap(\.errorKind)) }
        #expect(kinds["nba_stats.scoreboard"] == ["invalid_json"])
        #expect(kinds["nba_stats.player_index"] == ["html"])
        #expect(kinds["nba_stats.player_game_log"] == ["wrong_content_type"])
        #expect(kinds["nba_stats.team_game_log"] == ["wrong_content_type"])
        #expect(kinds["nba_cdn.play_by_play"] == ["schema_drift"])
        #expect(try await harness.count("raw_player_boxscores") == 0)
        #expect(try await harness.count("raw_source_players") == 0)
        #expect(try await harness.count("raw_play_by_play") == 0)
        #expect(try await harness.count("raw_games") == 8)  // only the schedule, which was sound
        #expect(try await harness.count("raw_fetch_manifest", where: "parse_status = 'failed'") == 12)
        let htmlEntry = try await TestStore.snapshot(
            harness.store, "raw_fetch_manifest", where: "endpoint = 'player_index'")
        #expect(htmlEntry.count == 1 && htmlEntry[0].contains("'html'"))
        try await harness.stop()
    }

    @Test func withoutAScheduleTheStepFailsInsteadOfSucceedingEmpty() async throws {
        let routes = StubRoutes()
        routes.on("/v4/", StubRoutes.json(try LiveFixtures.bytes("oddsa_events_his/raw_4c3bc8f6.json")))
        let harness = try await Harness.start(routes)
        let report = try await harness.ingestor(oddsKey: "odds-key-1234").run(
            date: GameDate("2024-01-24")!,
            sources: ["odds_api"], runID: "ns-1")
        #expect(report.failed)
        #expect(report.payloads.map(\.errorKind) == ["no_schedule"])
        #expect(harness.server.requests.isEmpty)
        try await harness.stop()
    }

    @Test func settingsReadKeysFromTheEnvironmentOrFilesAndNeverPrintThem() throws {
        let file = Scratch.root.appendingPathComponent("bdl-key-\(UUID().uuidString)")
        try "file-key-123456\n".write(to: file, atomically: true, encoding: .utf8)
        let settings = try SourceSettings.load(
            environment: [
                "ODDS_API_KEY": "env-key-abcdef", "BALLDONTLIE_API_KEY_FILE": file.path,
                "HOOPCAST_BASE_URL_ESPN": "http://127.0.0.1:9",
            ], overrides: ["odds_api": "http://127.0.0.1:8"])
        #expect(settings.oddsAPIKey == "env-key-abcdef" && settings.ballDontLieKey == "file-key-123456")
        #expect(
            settings.baseURLs["espn"] == "http://127.0.0.1:9" && settings.baseURLs["odds_api"] == "http://127.0.0.1:8")
        #expect(settings.baseURLs["nba_stats"] == "https://stats.nba.com")
        #expect(!"\(settings)".contains("env-key") && !"\(settings)".contains("file-key"))
        #expect(throws: SettingsError.self) {
            try SourceSettings.load(environment: ["ODDS_API_KEY_FILE": "/nonexistent/key"])
        }
        #expect(throws: SettingsError.self) { try SourceSettings.load(environment: [:], overrides: ["nope": "x"]) }
    }

    /// The real historical event-odds capture with its DraftKings spreads market rewritten as a player_points
    /// market (the capture has no player markets).
    static func propsPayload() throws -> [UInt8] {
        let text = String(decoding: try LiveFixtures.bytes("oddsa_player_props_his/raw_815b3ee3.json"), as: UTF8.self)
        let original =
            #"{"key":"spreads","last_update":"2024-01-25T03:55:22Z","outcomes":[{"name":"Atlanta Hawks","price":1.91,"point":6.5},{"name":"Golden State Warriors","price":1.83,"point":-6.5}]}"#
        let props =
            #"{"key":"player_points","last_update":"2024-01-25T03:55:22Z","outcomes":[{"name":"Over","description":"Stephen Curry","price":-115,"point":27.5},{"name":"Under","description":"Stephen Curry","price":-105,"point":27.5}]}"#
        return Array(text.replacingOccurrences(of: original, with: props).utf8)
    }
}
