import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive
import HoopcastStore
import HoopcastStub
import Testing

/// `bettingpros.player_props` end to end against the loopback stub: the real schedule of 2024-12-06 and the real
/// DraftKings slate of that day served as two pages (`derived/bp_props_dk_2024-12-06_page*.json`); the other
/// requested books answer with no props yet (`derived/bp_props_none_2024-12-06.json`).
@Suite struct BettingProsIngestTests {
    static let date = GameDate("2024-12-06")!
    static let firstPage =
        "/v3/props?sport=NBA&date=2024-12-06&book_id=12&market_id=151:152:156:157:160:162:335:336:337:338&limit=1000"
        + "&include_events=true&include_selections=true"

    static func routes() throws -> StubRoutes {
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        // The first matching prefix wins: page 2 before page 1, DraftKings before every other book.
        routes.on(
            firstPage + "&page=2", StubRoutes.json(try LiveFixtures.bytes("derived/bp_props_dk_2024-12-06_page2.json")))
        routes.on(firstPage, StubRoutes.json(try LiveFixtures.bytes("derived/bp_props_dk_2024-12-06_page1.json")))
        routes.on("/v3/props", StubRoutes.json(try LiveFixtures.bytes("derived/bp_props_none_2024-12-06.json")))
        return routes
    }

    static let sources: Set<String> = ["nba_cdn", "bettingpros.player_props"]

    @Test func propsAreIngestedPageByPageAndNeitherARerunNorAReplayChangesAnything() async throws {
        let harness = try await LiveIngestTests.Harness.start(try BettingProsIngestTests.routes())
        let first = try await harness.ingestor().run(
            date: BettingProsIngestTests.date, phase: .morning, sources: BettingProsIngestTests.sources,
            runID: "bp-1")
        #expect(!first.failed, "\(first.payloads.compactMap(\.error))")
        #expect(first.scheduledGames == 7)
        // Seven books asked once each, DraftKings' second page after its first.
        let requests = harness.server.requests.filter { $0.path == "/v3/props" }
        #expect(requests.count == 8)
        let draftKings = requests.map { "\($0.path)?\($0.query)" }.filter {
            $0.hasPrefix(BettingProsIngestTests.firstPage)
        }
        #expect(draftKings == [BettingProsIngestTests.firstPage, BettingProsIngestTests.firstPage + "&page=2"])
        let pages = first.payloads.filter { $0.endpoint == "bettingpros.player_props" }
        #expect(pages.count == 8 && pages.allSatisfy { !$0.failed && $0.skipped == nil })
        #expect(pages.map { $0.parsed["prop_lines"] ?? 0 }.reduce(0, +) == 526)
        // The whole slate: the capture's 526 props (python3 expected_rows.py), the Utah game as UTA.
        #expect(try await harness.count("raw_prop_lines") == 526)
        #expect(
            try await harness.count("raw_prop_lines", where: "book = 'draftkings' AND book_type = 'sportsbook'") == 526)
        #expect(
            try await TestStore.snapshot(
                harness.store, "raw_prop_lines", excluding: ["id", "run_id", "content_hash"],
                where: "player_name = 'Collin Sexton' AND market = 'points_rebounds'") == [
                    "'2024-12-06'|'bettingpros'|'draftkings'|'sportsbook'|'points_rebounds'|'Collin Sexton'|19.5|-130.0"
                        + "|100.0|'2024-12-07T01:28:51Z'|'2024-12-07T03:00:00Z'|'25386'|'POR'|'UTA'"
                ])
        // The book's names went to the name-resolution pass with the NBA's team codes: 90 players in 7 games,
        // 14 of them in Utah at Portland (no registry in this store, so none resolved).
        #expect(
            try await harness.count("registry_name_resolutions", where: "game_date = '2024-12-06'") == 90)
        #expect(
            try await harness.count(
                "registry_name_resolutions", where: "home_team = 'POR' AND away_team = 'UTA'") == 14)
        // The schedule, DraftKings' two pages, the six empty answers.
        #expect(try await harness.count("raw_fetch_manifest") == 9)
        let tables = ["raw_prop_lines", "raw_fetch_manifest", "registry_name_resolutions"]
        var before: [[String]] = []
        for table in tables {
            before.append(try await TestStore.snapshot(harness.store, table, excluding: ["run_id", "fetched_at"]))
        }

        let second = try await harness.ingestor().run(
            date: BettingProsIngestTests.date, phase: .pretip, sources: BettingProsIngestTests.sources,
            runID: "bp-2")
        #expect(!second.failed && second.rowsChanged == 0)
        for (index, table) in tables.enumerated() {
            #expect(
                try await TestStore.snapshot(harness.store, table, excluding: ["run_id", "fetched_at"])
                    == before[index], "\(table)")
        }
        let lines = try await TestStore.snapshot(harness.store, "raw_prop_lines", excluding: ["id", "run_id"])
        try await harness.stop()  // no network from here on

        // Replaying the archive into the same store changes nothing.
        let again = try await Replayer(store: harness.store, archive: harness.archive)
            .replay(date: BettingProsIngestTests.date, source: "bettingpros", dryRun: false, runID: "replay-1")
        #expect(again.count == 8 && again.allSatisfy { !$0.failed })
        #expect(again.flatMap(\.writes).allSatisfy { $0.inserted == 0 && $0.updated == 0 })
        #expect(try await TestStore.snapshot(harness.store, "raw_prop_lines", excluding: ["id", "run_id"]) == lines)

        // A fresh store rebuilt from the archive alone gets the same rows.
        let fresh = try await TestStore.fresh()
        let manifest = try await FetchManifest(store: harness.store).entries(
            date: BettingProsIngestTests.date, source: "bettingpros")
        for entry in manifest { try await FetchManifest(store: fresh).record(entry) }
        let rebuilt = try await Replayer(store: fresh, archive: harness.archive)
            .replay(date: BettingProsIngestTests.date, source: "bettingpros", dryRun: false, runID: "replay-2")
        #expect(rebuilt.count == 8 && rebuilt.allSatisfy { !$0.failed })
        #expect(try await TestStore.snapshot(fresh, "raw_prop_lines", excluding: ["id", "run_id"]) == lines)
    }
}
