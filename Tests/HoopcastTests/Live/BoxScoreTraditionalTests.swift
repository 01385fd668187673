import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive
import HoopcastStore
import SQLKit
import Testing

/// stats.nba.com `boxscoretraditionalv2` on the real capture of game 0022400561 (Knicks 125 at 76ers 119, OT, 15
/// January 2025; `nbac_team_boxscore/raw_12f99055.json`, identical to the two other captures of it). Expected values
/// were read from the payload with Python's json module: 25 PlayerStats rows, 17 with minutes, 8 DNP/DND rows with
/// `MIN` null; Brunson 45:28, 38 points; the NYK players score 125 and the PHI players 119, as TeamStats says.
@Suite struct BoxScoreTraditionalTests {
    static let capture = "nbac_team_boxscore/raw_12f99055.json"
    static let date = GameDate("2025-01-15")!
    /// The game as the real 2024-25 schedule capture has it (`nbac_schedule_api/raw_80cb1fd6.json.gz`).
    static let scheduledGame: [String: String] = [
        "game_id": "0022400561", "season": "2024-25", "season_type": "regular_season", "game_date": "2025-01-15",
        "home_team": "PHI", "away_team": "NYK", "home_pts": "119", "away_pts": "125",
    ]

    static func parse(_ body: [UInt8]) throws -> ParsedRows {
        try #require(EndpointCatalog.endpoint("nba_stats.boxscore_traditional"))
            .process(
                status: 200, contentType: "application/json", body: body,
                context: ParseContext(date: date, fetchedAt: "2025-01-16T08:00:00Z"))
    }

    /// The capture with `edit` applied to its text (the test's own change, never stored).
    static func edited(_ edit: (String) -> String) throws -> [UInt8] {
        Array(edit(String(decoding: try LiveFixtures.bytes(capture), as: UTF8.self)).utf8)
    }

    @Test func playersWhoPlayedBecomeBoxScoresAndDNPRowsNone() throws {
        let lines = try #require(
            try BoxScoreTraditionalTests.parse(try LiveFixtures.bytes(BoxScoreTraditionalTests.capture))
                .rows[.playerBoxscores])
        #expect(lines.count == 17)
        #expect(lines.filter { $0["team"] == "NYK" }.count == 8 && lines.filter { $0["team"] == "PHI" }.count == 9)
        // Hukporti (DNP - Coach's Decision) and Drummond (DND - Injury/Illness) have MIN null: no row.
        #expect(!lines.contains { $0["player_id"] == "1630574" || $0["player_id"] == "203083" })
        let brunson = try #require(lines.first { $0["player_id"] == "1628973" })
        #expect(
            brunson == [
                "game_id": "0022400561", "game_date": "2025-01-15", "season": "2024-25",
                "season_type": "regular_season",
                "player_id": "1628973", "player_name": "Jalen Brunson", "team": "NYK", "opponent": "PHI", "is_home": "",
                "minutes": "45.47", "pts": "38", "fgm": "14", "fga": "22", "fg3m": "3", "fg3a": "6", "ftm": "7",
                "fta": "9",
                "oreb": "1", "dreb": "4", "reb": "5", "ast": "4", "stl": "2", "blk": "0", "tov": "5", "pf": "1",
                "plus_minus": "7",
            ])
        let hart = try #require(lines.first { $0["player_id"] == "1628404" })
        #expect(hart["minutes"] == "49.42" && hart["reb"] == "17" && hart["ast"] == "12" && hart["plus_minus"] == "10")
        let maxey = try #require(lines.first { $0["player_id"] == "1630178" })
        #expect(maxey["team"] == "PHI" && maxey["opponent"] == "NYK" && maxey["minutes"] == "45.6")
        #expect(maxey["pts"] == "33" && maxey["fga"] == "32" && maxey["tov"] == "4" && maxey["plus_minus"] == "-9")
        let council = try #require(lines.first { $0["player_id"] == "1641741" })
        #expect(council["minutes"] == "6.72" && council["pts"] == "2")
        // With home/away filled in (as the writer does), every row passes the import's box-score validation.
        let filled = lines.map { row in
            var row = row
            row["is_home"] = row["team"] == "PHI" ? "1" : "0"
            return row
        }
        #expect(FieldRowWriterValidation.rejected(.playerBoxscores, filled) == 0)
    }

    @Test func driftIsATypedErrorWithItsJSONPath() throws {
        func drift(_ edit: (String) -> String) throws -> PayloadError {
            let body = try BoxScoreTraditionalTests.edited(edit)
            return try #require(throws: PayloadError.self) { try BoxScoreTraditionalTests.parse(body) }
        }
        // A renamed column.
        let renamed = try drift { $0.replacingOccurrences(of: #""COMMENT","MIN""#, with: #""COMMENT","MINUTES""#) }
        #expect(renamed.kind == .schemaDrift && renamed.location == "$.resultSets[0].headers")
        #expect(
            renamed.reason.contains("MIN") && renamed.source == "nba_stats"
                && renamed.endpoint == "boxscore_traditional")
        // A player without minutes who does not say why (Hukporti's comment removed): row 8, cell 9 is MIN.
        let silent = try drift {
            $0.replacingOccurrences(of: #""Ariel","","DNP - Coach's Decision""#, with: #""Ariel","","""#)
        }
        #expect(silent.kind == .schemaDrift && silent.location == "$.resultSets[0].rowSet[8][9]")
        // A player list cut short: Brunson's row gone, the Knicks' players no longer add up to 125.
        let text = String(decoding: try LiveFixtures.bytes(BoxScoreTraditionalTests.capture), as: UTF8.self)
        let row = try #require(text.range(of: #"["0022400561",1610612752,"NYK","New York",1628973,"Jalen Brunson""#))
        let end = try #require(text[row.lowerBound...].range(of: "],")).upperBound
        let cut = try drift { _ in text.replacingCharacters(in: row.lowerBound..<end, with: "") }
        #expect(cut.location == "$.resultSets[0].rowSet" && cut.reason.contains("87 points; TeamStats says 125"))
        // The echoed request is of another game than the rows.
        let other = try drift {
            $0.replacingOccurrences(of: #""GameID":"0022400561""#, with: #""GameID":"0022400562""#)
        }
        #expect(other.location == "$.parameters.GameID")
    }

    @Test func ingestFetchesTheBoxScoreOfEachFinalGameAndFillsHomeFromTheSchedule() async throws {
        let routes = StubRoutes()
        routes.on(
            "/stats/boxscoretraditionalv2?EndPeriod=0&EndRange=0&GameID=0022400561",
            StubRoutes.json(try LiveFixtures.bytes(BoxScoreTraditionalTests.capture)))
        let harness = try await LiveIngestTests.Harness.start(routes)
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed", rows: [BoxScoreTraditionalTests.scheduledGame],
            store: harness.store, runID: "seed")
        let report = try await harness.ingestor().run(
            date: BoxScoreTraditionalTests.date, phase: .overnight,
            sources: ["nba_stats.boxscore_traditional"], runID: "box-1")
        #expect(!report.failed, "\(report.payloads.compactMap(\.error))")
        #expect(report.payloads.map(\.endpoint) == ["nba_stats.boxscore_traditional"])
        let request = try #require(harness.server.requests.first)
        #expect(request.path == "/stats/boxscoretraditionalv2" && request.query.contains("GameID=0022400561"))
        #expect(request.headers["x-nba-stats-origin"] == "stats")
        #expect(try await harness.count("raw_player_boxscores") == 17)
        // The payload does not say who was at home: the schedule does (76ers at home).
        #expect(try await harness.count("raw_player_boxscores", where: "team = 'PHI' AND is_home = 1") == 9)
        #expect(try await harness.count("raw_player_boxscores", where: "team = 'NYK' AND is_home = 0") == 8)
        #expect(
            try await TestStore.snapshot(
                harness.store, "raw_player_boxscores", excluding: ["run_id", "content_hash"],
                where: "player_id = 1628973")
                == [
                    "'0022400561'|1628973|'2025-01-15'|'2024-25'|'regular_season'|'Jalen Brunson'|'NYK'|'PHI'|0|45.47|38|14|22|3|6|7|9|1|4|5|4|2|0|5|1|7"
                ])
        // New box scores extend the registry (as after an import).
        #expect(try await harness.count("registry_players") == 17)
        let again = try await harness.ingestor().run(
            date: BoxScoreTraditionalTests.date, phase: .overnight,
            sources: ["nba_stats.boxscore_traditional"], runID: "box-2")
        #expect(!again.failed && again.rowsChanged == 0)
        try await harness.stop()
    }

    @Test func aDriftedBoxScoreFailsTheIngestAndWritesNothing() async throws {
        let routes = StubRoutes()
        routes.on(
            "/stats/boxscoretraditionalv2",
            StubRoutes.json(
                try BoxScoreTraditionalTests.edited {
                    $0.replacingOccurrences(of: #""name":"TeamStats""#, with: #""name":"TeamTotals""#)
                }))
        let harness = try await LiveIngestTests.Harness.start(routes)
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed", rows: [BoxScoreTraditionalTests.scheduledGame],
            store: harness.store, runID: "seed")
        let report = try await harness.ingestor().run(
            date: BoxScoreTraditionalTests.date, phase: .overnight,
            sources: ["nba_stats.boxscore_traditional"], runID: "box-bad")
        #expect(report.failed)
        let payload = try #require(report.payloads.first)
        #expect(payload.errorKind == "schema_drift")
        #expect(payload.error?.contains("at $: no result set named 'TeamStats'") == true)
        #expect(try await harness.count("raw_player_boxscores") == 0)
        #expect(
            try await harness.count(
                "raw_fetch_manifest", where: "parse_status = 'failed' AND error_kind = 'schema_drift'") == 1)
        try await harness.stop()
    }

    /// The league game log has whole minutes; the box score `MM:SS`. The box score wins whichever comes first, and
    /// neither order makes a re-run change rows. The game-log rows here are the box score's own rows with minutes
    /// cut to whole minutes, as the log reports them (Brunson 45:28 → 45).
    @Test func theGameLogNeverOverwritesABoxScore() async throws {
        let keepStored = try #require(EndpointCatalog.endpoint("nba_stats.player_game_log")).keepsStored
        let boxScore = try BoxScoreTraditionalTests.parse(try LiveFixtures.bytes(BoxScoreTraditionalTests.capture))
        var gameLog = ParsedRows()
        for row in boxScore.rows[.playerBoxscores] ?? [] {
            var line = row
            line["minutes"] = String(Int(Double(row["minutes"]!)!))
            line["is_home"] = row["team"] == "PHI" ? "1" : "0"
            gameLog.append(line, to: .playerBoxscores)
        }
        func write(_ rows: ParsedRows, to store: Store, keep: Set<RawDataset>) async throws -> DatasetWrite {
            try #require(
                try await store.transaction { db in
                    try await RowSink(db: db).write(rows, label: "test", runID: "t", keepStored: keep).writes
                }.first)
        }
        func brunsonMinutes(_ store: Store) async throws -> Double {
            try #require(
                try await store.sql.raw("SELECT minutes FROM raw_player_boxscores WHERE player_id = 1628973")
                    .first()?.decode(column: "minutes", as: Double.self))
        }
        for boxScoreFirst in [true, false] {
            let store = try await TestStore.fresh()
            _ = try await FieldRowWriter.write(
                GameRecord.self, name: "seed", rows: [BoxScoreTraditionalTests.scheduledGame],
                store: store, runID: "seed")
            if boxScoreFirst {
                #expect(try await write(boxScore, to: store, keep: []).inserted == 17)
            } else {
                #expect(try await write(gameLog, to: store, keep: keepStored).inserted == 17)
                #expect(try await brunsonMinutes(store) == 45)
                // Every player's minutes have seconds: the box score updates all 17 rows.
                #expect(try await write(boxScore, to: store, keep: []).updated == 17)
            }
            let log = try await write(gameLog, to: store, keep: keepStored)
            #expect(log.kept == 17 && log.inserted == 0 && log.updated == 0)
            #expect(try await write(boxScore, to: store, keep: []).unchanged == 17)
            #expect(try await brunsonMinutes(store) == 45.47)
        }
    }
}
