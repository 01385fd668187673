import Foundation
import HoopcastCore
import HoopcastLive
import Testing

/// Cursor pagination (Ball Don't Lie): every page is fetched, archived and written.
@Suite struct PaginationTests {
    @Test func ballDontLiePlayersFollowTheCursorToTheLastPage() async throws {
        let page = try LiveFixtures.bytes("bdl_players/raw_e640d907.json")
        var first = String(decoding: page, as: UTF8.self)
        // The real page, marked as having a next page (Ball Don't Lie's `meta.next_cursor`).
        first = first.replacingOccurrences(
            of: #""meta":{"per_page":50}"#, with: #""meta":{"per_page":50,"next_cursor":146}"#)
        #expect(first.contains("next_cursor"))
        let second =
            #"{"data":[{"id":9999001,"first_name":"Test","last_name":"Rookie","position":"G","jersey_number":"0","team":{"id":2,"abbreviation":"BOS"}}],"meta":{"per_page":50}}"#
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        routes.on("/v1/players/active", StubRoutes.json(Array(first.utf8)), StubRoutes.json(Array(second.utf8)))
        routes.on("/v1/standings", StubRoutes.json(try LiveFixtures.bytes("bdl_standings/raw_395a0451.json")))
        routes.on("/v1/player_injuries", StubRoutes.json(try LiveFixtures.bytes("bdl_injuries/raw_d45e630e.json")))
        let harness = try await LiveIngestTests.Harness.start(routes)
        let report = try await harness.ingestor(bdlKey: "bdl-key-0000").run(
            date: GameDate("2025-07-01")!,
            phase: .morning, sources: ["bdl", "nba_cdn"],
            runID: "p1")
        // The schedule was fetched and has no game on 1 July (off-season): a valid empty day, not a failure.
        #expect(!report.failed, "\(report.payloads.compactMap(\.error))")
        #expect(report.scheduledGames == 0)
        let pages = report.payloads.filter { $0.endpoint == "bdl.players" }
        #expect(pages.count == 2 && pages.allSatisfy { !$0.failed })
        let requests = harness.server.requests.filter { $0.path == "/v1/players/active" }
        #expect(requests.map(\.query) == ["per_page=100", "per_page=100&cursor=146"])
        // 49 + 1 players; one of the real page's players is on "BAL" (a defunct franchise), which the record
        // validation rejects into the quarantine.
        #expect(try await harness.count("raw_source_players") == 49)
        #expect(try await harness.count("raw_import_quarantine", where: "value = 'BAL'") == 1)
        try await harness.stop()
    }
}
