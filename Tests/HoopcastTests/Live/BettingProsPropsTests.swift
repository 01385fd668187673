import HoopcastCore
import HoopcastLive
import Testing

/// `bettingpros.player_props` on the three real `/v3/props` captures (`Fixtures/api-samples/bp_player_props`, see its
/// SOURCE.md). Expected rows and counts were computed with Python's json module, not by this parser:
/// `python3 expected_rows.py` in that folder (the script states the rules and prints every count below; the exact
/// rows are its `rows(load(name))` entries). Game dates: `python3 -c "import json,datetime as t,zoneinfo as z;
/// d=json.load(open('raw_392d3a8b.json')); print({t.datetime.fromisoformat(e['scheduled']+'+00:00')
/// .astimezone(z.ZoneInfo('America/New_York')).date() for e in d['events']})"` (likewise for the other two).
@Suite struct BettingProsPropsTests {
    static let key = "bettingpros.player_props"
    /// A fetch time unlike every capture's own `utc`: the rows must carry the payload's time, not this.
    static let fetchedAt = "2030-01-01T00:00:00Z"

    static func parse(_ file: String, date: String) throws -> ParsedRows {
        try LiveFixtures.parse(key, "bp_player_props/\(file)", date: date, fetchedAt: fetchedAt)
    }

    static func parse(text: String, date: String = "2024-12-06") throws -> ParsedRows {
        let endpoint = try #require(EndpointCatalog.endpoint(key))
        return try endpoint.process(
            status: 200, contentType: "application/json", body: Array(text.utf8),
            context: ParseContext(date: GameDate(date)!, fetchedAt: fetchedAt))
    }

    static func text(_ file: String) throws -> String {
        String(decoding: try LiveFixtures.bytes("bp_player_props/\(file)"), as: UTF8.self)
    }

    static func counts(_ rows: [[String: String]], _ column: String) -> [String: Int] {
        rows.reduce(into: [:]) { $0[$1[column] ?? "", default: 0] += 1 }
    }

    static func row(
        _ book: String, _ bookType: String, _ market: String, _ player: String, _ line: String, _ over: String,
        _ under: String, snapshot: String, event: String, date: String, home: String, away: String, commence: String
    ) -> [String: String] {
        [
            "game_date": date, "source": "bettingpros", "book": book, "book_type": bookType, "market": market,
            "player_name": player, "line": line, "over_odds": over, "under_odds": under, "snapshot_utc": snapshot,
            "commence_utc": commence, "event_id": event, "home_team": home, "away_team": away,
        ]
    }

    @Test func draftKingsSlateIsOneRowPerPropAtThePayloadsCaptureTime() throws {
        let parsed = try BettingProsPropsTests.parse("raw_392d3a8b.json", date: "2024-12-06")
        let rows = try #require(parsed.rows[.propLines])
        #expect(parsed.rows.keys.sorted() == [.propLines] && parsed.skipped.isEmpty)
        #expect(rows.count == 526)
        #expect(
            BettingProsPropsTests.counts(rows, "market") == [
                "points": 84, "rebounds": 81, "assists": 49, "threes": 65, "points_rebounds_assists": 50,
                "points_assists": 46, "points_rebounds": 66, "rebounds_assists": 44, "steals": 26, "blocks": 15,
            ])
        #expect(BettingProsPropsTests.counts(rows, "book") == ["draftkings": 526])
        #expect(BettingProsPropsTests.counts(rows, "book_type") == ["sportsbook": 526])
        // `utc` "2024-12-07 01:28:51", not the fetch time; the slate's one Eastern date.
        #expect(BettingProsPropsTests.counts(rows, "snapshot_utc") == ["2024-12-07T01:28:51Z": 526])
        #expect(BettingProsPropsTests.counts(rows, "game_date") == ["2024-12-06": 526])
        #expect(Set(rows.map { $0["player_name"]! }).count == 90)
        // BettingPros' UTH is the NBA's UTA.
        #expect(
            Set(rows.map { "\($0["event_id"]!) \($0["away_team"]!)@\($0["home_team"]!)" }) == [
                "25381 ORL@PHI", "25382 LAL@ATL", "25383 MIL@BOS", "25384 SAC@SAS", "25385 IND@CHI", "25386 UTA@POR",
                "25387 MIN@GSW",
            ])
        #expect(
            rows[0]
                == BettingProsPropsTests.row(
                    "draftkings", "sportsbook", "points_rebounds", "Rui Hachimura", "16.5", "-125", "-105",
                    snapshot: "2024-12-07T01:28:51Z", event: "25382", date: "2024-12-06", home: "ATL", away: "LAL",
                    commence: "2024-12-07T00:30:00Z"))
        #expect(
            rows[3]
                == BettingProsPropsTests.row(
                    "draftkings", "sportsbook", "points_rebounds", "Collin Sexton", "19.5", "-130", "100",
                    snapshot: "2024-12-07T01:28:51Z", event: "25386", date: "2024-12-06", home: "POR", away: "UTA",
                    commence: "2024-12-07T03:00:00Z"))
        #expect(
            rows[525]
                == BettingProsPropsTests.row(
                    "draftkings", "sportsbook", "points_rebounds_assists", "Trae Young", "36.5", "-105", "-125",
                    snapshot: "2024-12-07T01:28:51Z", event: "25382", date: "2024-12-06", home: "ATL", away: "LAL",
                    commence: "2024-12-07T00:30:00Z"))
        // Every row passes the import's prop-line validation.
        #expect(FieldRowWriterValidation.rejected(.propLines, rows) == 0)
    }

    @Test func openingLinesAreEarlierSnapshotsOfTheBookThatOpenedThem() throws {
        let parsed = try BettingProsPropsTests.parse("raw_e49ff768.json.gz", date: "2024-10-22")
        let rows = try #require(parsed.rows[.propLines])
        #expect(parsed.skipped.isEmpty)
        // 251 props: each a DraftKings row at the capture time and an opening-line row.
        #expect(rows.count == 502)
        #expect(
            BettingProsPropsTests.counts(rows, "market") == [
                "points": 54, "rebounds": 50, "assists": 48, "threes": 48, "points_rebounds_assists": 50,
                "points_assists": 50, "points_rebounds": 52, "rebounds_assists": 48, "steals": 54, "blocks": 48,
            ])
        #expect(
            BettingProsPropsTests.counts(rows, "book") == [
                "draftkings": 251, "fanduel": 119, "betmgm": 64, "bet365": 35, "underdog": 30, "prizepicks": 3,
            ])
        #expect(BettingProsPropsTests.counts(rows, "book_type") == ["sportsbook": 469, "dfs": 33])
        #expect(rows.filter { $0["snapshot_utc"] == "2024-12-06T18:44:02Z" }.count == 251)
        #expect(Set(rows.map(\.["snapshot_utc"])).count == 39)
        #expect(BettingProsPropsTests.counts(rows, "game_date") == ["2024-10-22": 502])
        #expect(Set(rows.map { $0["player_name"]! }).count == 28)
        // Karl-Anthony Towns' PRA: DraftKings 35.5 at the capture; opened by FanDuel at 34.5, −113 both ways.
        let towns = rows.filter {
            $0["player_name"] == "Karl-Anthony Towns" && $0["market"] == "points_rebounds_assists"
        }
        #expect(
            towns == [
                BettingProsPropsTests.row(
                    "draftkings", "sportsbook", "points_rebounds_assists", "Karl-Anthony Towns", "35.5", "-110", "-120",
                    snapshot: "2024-12-06T18:44:02Z", event: "25049", date: "2024-10-22", home: "BOS", away: "NYK",
                    commence: "2024-10-22T23:30:00Z"),
                BettingProsPropsTests.row(
                    "fanduel", "sportsbook", "points_rebounds_assists", "Karl-Anthony Towns", "34.5", "-113", "-113",
                    snapshot: "2024-10-16T06:11:53Z", event: "25049", date: "2024-10-22", home: "BOS", away: "NYK",
                    commence: "2024-10-22T23:30:00Z"),
            ])
        // Julius Randle's opening over and under were recorded a second apart (07:11:44 and 07:11:45): one quote,
        // stamped when it was complete.
        let randle = try #require(
            rows.first {
                $0["player_name"] == "Julius Randle" && $0["market"] == "points_rebounds_assists"
                    && $0["book"] == "fanduel"
            })
        #expect(randle["line"] == "31.5" && randle["over_odds"] == "-108" && randle["under_odds"] == "-118")
        #expect(randle["snapshot_utc"] == "2024-10-16T07:11:45Z" && randle["home_team"] == "LAL")
        // PrizePicks opened three points lines: a pick'em app, flagged dfs (its prices kept as BettingPros gives them).
        let prizePicks = rows.filter { $0["book"] == "prizepicks" }
        #expect(prizePicks.map { $0["player_name"]! } == ["Rudy Gobert", "Derrick White", "Anthony Edwards"])
        #expect(prizePicks.allSatisfy { $0["book_type"] == "dfs" && $0["over_odds"] == "-137" })
        #expect(
            prizePicks.map { $0["snapshot_utc"]! } == [
                "2024-10-15T21:22:06Z", "2024-10-15T21:22:05Z", "2024-10-16T03:17:52Z",
            ])
        #expect(FieldRowWriterValidation.rejected(.propLines, rows) == 0)
    }

    @Test func bestLineListingKeepsEachSidesBookAndSkipsTheConsensus() throws {
        let parsed = try BettingProsPropsTests.parse("raw_82abe5b7.json", date: "2025-10-29")
        let rows = try #require(parsed.rows[.propLines])
        // 25 props; Royce O'Neale's PRA is quoted by the consensus on both sides (skipped); the other 24 have their
        // over and under at different books or lines: two one-sided rows each.
        #expect(parsed.skipped == [BettingProsParser.SkipReason.consensus: 1])
        #expect(rows.count == 48)
        #expect(rows.allSatisfy { ($0["over_odds"]!.isEmpty) != ($0["under_odds"]!.isEmpty) })
        #expect(
            BettingProsPropsTests.counts(rows, "market") == [
                "points_rebounds_assists": 24, "points_assists": 10, "points_rebounds": 8, "points": 6,
            ])
        #expect(
            BettingProsPropsTests.counts(rows, "book") == [
                "fanatics": 10, "hardrockbet": 9, "draftkings": 8, "fanduel": 6, "caesars": 4, "betmgm": 3,
                "prizepicks": 3, "underdog": 2, "fliff": 1, "novig": 1, "prophetx": 1,
            ])
        #expect(BettingProsPropsTests.counts(rows, "book_type") == ["sportsbook": 43, "dfs": 5])
        #expect(BettingProsPropsTests.counts(rows, "snapshot_utc") == ["2025-10-29T19:54:04Z": 48])
        #expect(BettingProsPropsTests.counts(rows, "game_date") == ["2025-10-29": 48])
        #expect(Set(rows.map { $0["player_name"]! }).count == 16)
        // Deni Avdija's points + assists: over 26.5 at DraftKings, under 27.5 at Fanatics; UTH is UTA.
        let avdija = rows.filter { $0["player_name"] == "Deni Avdija" && $0["market"] == "points_assists" }
        #expect(
            avdija == [
                BettingProsPropsTests.row(
                    "draftkings", "sportsbook", "points_assists", "Deni Avdija", "26.5", "-120", "",
                    snapshot: "2025-10-29T19:54:04Z", event: "26545", date: "2025-10-29", home: "UTA", away: "POR",
                    commence: "2025-10-30T01:00:00Z"),
                BettingProsPropsTests.row(
                    "fanatics", "sportsbook", "points_assists", "Deni Avdija", "27.5", "", "-115",
                    snapshot: "2025-10-29T19:54:04Z", event: "26545", date: "2025-10-29", home: "UTA", away: "POR",
                    commence: "2025-10-30T01:00:00Z"),
            ])
        // PHO is PHX; Underdog is a pick'em app.
        let oneale = rows.filter { $0["player_name"] == "Royce O'Neale" }
        #expect(
            oneale.map { "\($0["book"]!) \($0["line"]!) \($0["away_team"]!)@\($0["home_team"]!)" } == [
                "draftkings 15.5 MEM@PHX", "fanduel 16.5 MEM@PHX",
            ])
        let bailey = try #require(rows.first { $0["player_name"] == "Ace Bailey" && $0["book"] == "underdog" })
        #expect(bailey["book_type"] == "dfs" && bailey["line"] == "5.5" && bailey["under_odds"] == "-136")
        #expect(FieldRowWriterValidation.rejected(.propLines, rows) == 0)
    }

    @Test func pagesOfASlateParseToTheSameRowsAsTheWholeSlate() throws {
        // The DraftKings capture split into two pages (Fixtures/api-samples/derived/README.md).
        let whole = try BettingProsPropsTests.parse("raw_392d3a8b.json", date: "2024-12-06").rows[.propLines]
        var pages: [[String: String]] = []
        for page in 1...2 {
            pages += try #require(
                try LiveFixtures.parse(
                    BettingProsPropsTests.key, "derived/bp_props_dk_2024-12-06_page\(page).json", date: "2024-12-06",
                    fetchedAt: BettingProsPropsTests.fetchedAt
                ).rows[.propLines])
        }
        #expect(pages.count == 526 && pages == whole)
        // A book with no props posted yet is a valid, empty answer.
        let none = try LiveFixtures.parse(
            BettingProsPropsTests.key, "derived/bp_props_none_2024-12-06.json", date: "2024-12-06")
        #expect(none.total == 0 && none.skipped.isEmpty)
    }

    @Test func aDriftedShapeIsATypedErrorNamingItsJSONPath() throws {
        let slate = try BettingProsPropsTests.text("raw_392d3a8b.json")
        func drift(_ original: String, _ replacement: String) throws -> PayloadError {
            let range = try #require(slate.range(of: original), "\(original) not in the capture")
            let text = slate.replacingCharacters(in: range, with: replacement)
            return try #require(throws: PayloadError.self) { try BettingProsPropsTests.parse(text: text) }
        }
        // The first prop's over line as a string.
        let line = try drift(#""over": {"line": 16.5, "odds": -125"#, #""over": {"line": "16.5", "odds": -125"#)
        #expect(line.kind == .schemaDrift && line.location == "$.props[0].over.line")
        #expect(line.source == "bettingpros" && line.endpoint == "player_props")
        // A team code the table does not know.
        let team = try drift(#""home": "PHI""#, #""home": "XYZ""#)
        #expect(team.kind == .schemaDrift && team.location == "$.events[0].home" && team.reason.contains("'XYZ'"))
        // A prop of an event the payload does not list.
        let event = try drift(#""event_id": 25382"#, #""event_id": 99999"#)
        #expect(event.kind == .schemaDrift && event.location == "$.props[0].event_id")
        // No events at all (requested without include_events).
        let events = try drift(#""events": ["#, #""games": ["#)
        #expect(events.kind == .schemaDrift && events.location == "$" && events.reason.contains("'events'"))
        // A capture time that is not BettingPros' `YYYY-MM-DD HH:MM:SS`.
        let time = try drift(#""utc": "2024-12-07 01:28:51""#, #""utc": "2024-12-07T01:28:51Z""#)
        #expect(time.kind == .schemaDrift && time.location == "$.utc")
    }

    @Test func unmappedMarketsAndUnknownBooksAreSkippedAndCountedNeverSilently() async throws {
        let listing = try BettingProsPropsTests.text("raw_82abe5b7.json")
        // The three points props (Ace Bailey, Austin Reaves, Dennis Schroder) under a market id the table lacks.
        #expect(listing.components(separatedBy: #""market_id": 156"#).count == 4)
        let market = try BettingProsPropsTests.parse(
            text: listing.replacingOccurrences(of: #""market_id": 156"#, with: #""market_id": 999"#))
        #expect(market.rows[.propLines]?.count == 42)
        #expect(
            market.skipped == [
                BettingProsParser.SkipReason.market(999): 3, BettingProsParser.SkipReason.consensus: 1,
            ])
        // Dennis Schroder's over at an unknown book (Novig's 60 renumbered).
        #expect(listing.components(separatedBy: #""book": 60"#).count == 2)
        let book = try BettingProsPropsTests.parse(
            text: listing.replacingOccurrences(of: #""book": 60"#, with: #""book": 71"#))
        #expect(book.rows[.propLines]?.count == 47)
        #expect(
            book.skipped == [BettingProsParser.SkipReason.book(71): 1, BettingProsParser.SkipReason.consensus: 1])
        // The counts reach the payload's outcome (the ingest report), not only the parse result.
        let endpoint = try #require(EndpointCatalog.endpoint(BettingProsPropsTests.key))
        let outcome = try await PayloadProcessor(store: nil, archive: nil).process(
            PayloadProcessor.Payload(
                endpoint: endpoint, parameters: "file=raw_82abe5b7.json",
                context: ParseContext(date: GameDate("2025-10-29")!, fetchedAt: BettingProsPropsTests.fetchedAt),
                status: 200, contentType: "application/json", body: Array(listing.utf8)), runID: "t", write: false)
        #expect(outcome.error == nil && outcome.parsed == ["prop_lines": 48])
        #expect(outcome.skipped == [BettingProsParser.SkipReason.consensus: 1])
        // The first prop with neither side's line (Rui Hachimura's points + rebounds).
        var slate = try BettingProsPropsTests.text("raw_392d3a8b.json")
        for side in [#""over": {"line": 16.5, "odds": -125"#, #""under": {"line": 16.5, "odds": -105"#] {
            let range = try #require(slate.range(of: side))
            slate.replaceSubrange(range, with: side.replacingOccurrences(of: "16.5", with: "null"))
        }
        let noLine = try BettingProsPropsTests.parse(text: slate)
        #expect(noLine.rows[.propLines]?.count == 525 && noLine.skipped == [BettingProsParser.SkipReason.noLine: 1])
        #expect(
            noLine.rows[.propLines]?.contains {
                $0["player_name"] == "Rui Hachimura" && $0["market"] == "points_rebounds"
            } == false)
        // A payload whose every quote is skipped is missing data, not an empty success.
        slate = try BettingProsPropsTests.text("raw_392d3a8b.json")
        let error = try #require(throws: PayloadError.self) {
            try BettingProsPropsTests.parse(
                text: slate.replacingOccurrences(of: #""book": 12"#, with: #""book": 0"#))
        }
        #expect(error.kind == .noRows && error.reason.contains("\(BettingProsParser.SkipReason.consensus): 526"))
    }
}
