import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastIngest

/// Text that is not what it seems: invalid UTF-8 and NUL are rejected where they occur, control characters never reach
/// a terminal raw, and a huge value is echoed in part.
struct ImportTextTests {
    /// A copy of the fixture in which the one occurrence of `find` in `file` is replaced by `replacement` bytes (which
    /// need not be UTF-8); returns the directory and the 1-based line of the edit.
    static func fixtureCopy(_ file: String, replacing find: String, with replacement: [UInt8]) throws
        -> (directory: URL, line: Int)
    {
        let original = try String(contentsOf: TestStore.fixture.appendingPathComponent(file), encoding: .utf8)
        let lines = original.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].contains(find) }
        try #require(matches.count == 1, "'\(find)' must occur once in \(file), found \(matches.count)")
        let range = try #require(original.range(of: find))
        let bytes = Array(original[..<range.lowerBound].utf8) + replacement + Array(original[range.upperBound...].utf8)
        let directory = try TestStore.fixtureCopy()
        try Data(bytes).write(to: directory.appendingPathComponent(file))
        return (directory, matches[0] + 1)
    }

    static func count(_ store: Store, _ sql: String) async throws -> Int {
        try await store.sql.raw(SQLQueryString(sql)).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    // MARK: the parser

    @Test func parserFlagsInvalidUTF8AndNULPerFieldAndEscapesThem() throws {
        let bytes = Array("a,b,c\n1,x".utf8) + [0xFF] + Array("y,ok\n2,\"z".utf8) + [0x00] + Array("\",é\n".utf8)
        let records = try CSVParser(bytes: bytes).records()
        #expect(records.count == 3)
        #expect(records[0].flaws.isEmpty)
        #expect(records[1].fields == ["1", "x\\xFFy", "ok"])
        #expect(records[1].flaws == [CSVRecord.Flaw(field: 1, kind: .invalidUTF8)])
        #expect(records[2].fields == ["2", "z\\u{0}", "é"])  // a quoted field too; valid UTF-8 beyond ASCII is kept
        #expect(records[2].flaws == [CSVRecord.Flaw(field: 1, kind: .nul)])
    }

    @Test func truncatedAndOverlongSequencesAreShownByteByByte() {
        // E2 82 is a truncated euro sign; C0 AF an overlong "/"; F0 9F 8F 80 a valid basketball emoji.
        #expect(VisibleText.escaped(bytes: [0x41, 0xE2, 0x82, 0x42]) == "A\\xE2\\x82B")
        #expect(VisibleText.escaped(bytes: [0xC0, 0xAF]) == "\\xC0\\xAF")
        #expect(VisibleText.escaped(bytes: [0xF0, 0x9F, 0x8F, 0x80, 0x07]) == "🏀\\u{7}")
    }

    // MARK: whole imports

    @Test func invalidUTF8InANameIsRejectedAtItsColumnAndTheRestLoads() async throws {
        let find = "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,"
        let edited = Array("203954,Joel Emb".utf8) + [0xFF] + Array("iid,PHI,HOU,1,31.266666666666666,41,".utf8)
        let (directory, line) = try Self.fixtureCopy("player_boxscores.csv", replacing: find, with: edited)
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(directory, into: store)
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1)
        #expect(issue.file == "player_boxscores.csv" && issue.line == line)
        #expect(issue.column == "player_name")
        #expect(issue.value == "Joel Emb\\xFFiid")
        #expect(issue.reason.contains("not valid UTF-8"))
        let summary = try #require(report.files.first { $0.name == "player_boxscores.csv" })
        #expect(summary.rejected == 1 && summary.inserted == 5061)  // 5,062 rows in the fixture
        // No replacement character was stored in place of the bad byte; the rejected row is not stored at all.
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM raw_player_boxscores WHERE player_name LIKE '%\u{FFFD}%'
                """) == 0)
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM raw_player_boxscores WHERE game_id = '0022300555' AND player_id = 203954
                """) == 0)
        let quarantined = try await store.sql.raw("SELECT value, record FROM raw_import_quarantine").all()
        #expect(quarantined.count == 1)
        #expect(try quarantined.first?.decode(column: "value", as: String.self) == "Joel Emb\\xFFiid")
        let record = try quarantined.first?.decode(column: "record", as: String.self)
        #expect(record?.contains(",Joel Emb\\xFFiid,PHI,") == true)
    }

    @Test func nulInAPropLineNameIsRejectedNotCutByTheRegistry() async throws {
        let find = "betmgm,sportsbook,points_rebounds_assists,Joel Embiid,50.5,-120.0"
        let (directory, line) = try Self.fixtureCopy(
            "prop_lines.csv", replacing: find,
            with: Array("betmgm,sportsbook,points_rebounds_assists,Joel".utf8) + [0x00]
                + Array(" Embiid,50.5,-120.0".utf8))
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(directory, into: store)
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1)
        #expect(issue.line == line && issue.column == "player_name")
        #expect(issue.value == "Joel\\u{0} Embiid")
        #expect(issue.reason.contains("NUL"))
        #expect(report.files.first { $0.name == "prop_lines.csv" }?.inserted == 2637)  // 2,638 in the fixture
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM raw_prop_lines WHERE instr(player_name, char(0)) > 0
                """) == 0)
    }

    @Test func liveRowsWithANulAreRejectedLikeFileRows() {
        func row(book: String) -> [String: String] {
            [
                "game_date": "2024-01-15", "source": "odds_api", "book": book, "book_type": "sportsbook",
                "market": "points", "player_name": "Joel Embiid", "line": "34.5", "over_odds": "-110",
                "under_odds": "-110", "snapshot_utc": "", "commence_utc": "", "event_id": "", "home_team": "",
                "away_team": "",
            ]
        }
        #expect(FieldRowWriter.validate(PropLineRecord.self, name: "live", rows: [row(book: "draftkings")]).valid == 1)
        let (valid, issues) = FieldRowWriter.validate(
            PropLineRecord.self, name: "live",
            rows: [row(book: "draft\u{0}kings")])
        #expect(valid == 0)
        #expect(
            issues == [
                ImportIssue(
                    file: "live", line: 2, column: "book", value: "draft\\u{0}kings",
                    reason: CSVRecord.Flaw.Kind.nul.reason)
            ])
    }

    @Test func controlCharactersInARejectedValueAreEscapedWhenPrinted() async throws {
        // ESC [ 2 J clears the screen; ESC ] 0 ; … BEL retitles the window.
        let find = "betmgm,sportsbook,points_rebounds_assists,Joel Embiid,50.5,-120.0"
        let hostile = "betmgm,sport\u{1B}[2J\u{1B}]0;pwned\u{07}book,points_rebounds_assists,Joel Embiid,50.5,-120.0"
        let (directory, line) = try Self.fixtureCopy("prop_lines.csv", replacing: find, with: Array(hostile.utf8))
        let report = try await TestStore.importDirectory(directory, into: try await TestStore.fresh())
        let issue = try #require(report.issues.first)
        #expect(issue.column == "book_type")
        #expect(
            issue.description == "prop_lines.csv:\(line): column 'book_type' "
                + "value 'sport\\u{1B}[2J\\u{1B}]0;pwned\\u{7}book': must be one of sportsbook, dfs")
        #expect(!issue.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func bidirectionalOverridesAreEscapedToo() {
        let issue = ImportIssue(
            file: "f.csv", line: 3, column: "player_name", value: "abc\u{202E}fed\u{2066}",
            reason: "unknown\u{9B}31m")
        #expect(
            issue.description
                == "f.csv:3: column 'player_name' value 'abc\\u{202E}fed\\u{2066}': unknown\\u{9B}31m")
    }

    @Test func aHugeValueIsEchoedInPartAndItsRecordKeptOnce() async throws {
        let find = "betmgm,sportsbook,points_rebounds_assists,Joel Embiid,50.5,-120.0"
        let huge = String(repeating: "x", count: 1_000_000)
        let original = try String(
            contentsOf: TestStore.fixture.appendingPathComponent("prop_lines.csv"),
            encoding: .utf8)
        let originalLine = try #require(original.components(separatedBy: "\n").first { $0.contains(find) })
        let (directory, _) = try Self.fixtureCopy(
            "prop_lines.csv", replacing: find,
            with: Array("betmgm,\(huge),points_rebounds_assists,Joel Embiid,50.5,-120.0".utf8))
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(directory, into: store)
        let issue = try #require(report.issues.first)
        let echo = String(repeating: "x", count: 200) + "… (1000000 bytes)"
        // Compared into Booleans first, so that a failure does not print a megabyte.
        let echoed = issue.value == echo
        #expect(echoed)
        #expect(issue.description.utf8.count < 400)
        let row = try #require(try await store.sql.raw("SELECT value, record FROM raw_import_quarantine").first())
        let stored = try row.decode(column: "value", as: String.self) == echo
        #expect(stored)
        // The whole record once: the original line with "sportsbook" (10 characters) made a million x's.
        let recordBytes = try row.decode(column: "record", as: String.self).utf8.count
        #expect(recordBytes == originalLine.utf8.count - 10 + 1_000_000)
    }

    @Test func aHeaderThatIsNotTextRejectsTheFile() async throws {
        let (directory, _) = try Self.fixtureCopy(
            "game_lines.csv", replacing: "game_id,game_date,home_team",
            with: Array("game_id,game_date,home_".utf8) + [0xFE] + Array("team".utf8))
        let report = try await TestStore.importDirectory(directory, into: try await TestStore.fresh())
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1 && issue.line == 1 && issue.value == "home_\\xFEteam")
        #expect(report.files.first { $0.name == "game_lines.csv" }?.rejected == 220)
    }
}
