import Foundation
import HoopcastIngest
import HoopcastStore
import SQLKit
import Testing

struct ImportTests {
    @Test func importsTheRealFixtureAndCountsEveryRow() async throws {
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(TestStore.fixture, into: store)
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.name, $0) })
        // Row counts from `wc -l` minus the header.
        #expect(byName["games.csv"]?.inserted == 234)
        #expect(byName["player_boxscores.csv"]?.inserted == 5062)
        #expect(byName["game_lines.csv"]?.inserted == 220)
        #expect(byName["prop_lines.csv"]?.inserted == 2638)
        #expect(report.issues.isEmpty)
        let row = try await store.sql.raw(
            """
            SELECT pts, reb, ast, minutes FROM raw_player_boxscores WHERE game_id = '0022300555' AND player_id = 203954
            """
        ).first()
        #expect(try row?.decode(column: "pts", as: Int.self) == 41)  // Joel Embiid vs HOU, 2024-01-15
        #expect(try row?.decode(column: "reb", as: Int.self) == 10)
    }

    @Test func secondImportChangesNothingAndTablesAreIdentical() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let before = try await TestStore.snapshot(store, "raw_player_boxscores")
        let again = try await TestStore.importDirectory(TestStore.fixture, into: store)
        #expect(again.changedNothing)
        #expect(again.files.allSatisfy { $0.unchanged == $0.read && $0.rejected == 0 })
        #expect(try await TestStore.snapshot(store, "raw_player_boxscores") == before)
    }

    @Test func changedRowIsUpdatedInPlace() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        // PHI 124 - HOU 115 on 2024-01-15 becomes 125 - 115.
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(
                of: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,124,115",
                with: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,125,115")
        }
        let report = try await TestStore.importDirectory(edited, into: store)
        let games = report.files.first { $0.name == "games.csv" }
        #expect(games?.updated == 1)
        #expect(games?.unchanged == 233)
        let row = try await store.sql.raw("SELECT home_pts FROM raw_games WHERE game_id = '0022300555'").first()
        #expect(try row?.decode(column: "home_pts", as: Int.self) == 125)
    }

    /// One bad-input case: the edit to make, and where the error must point.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let label: String
        let file: String
        let find: String
        let replace: String
        let line: Int?
        let column: String
        let value: String?
        var testDescription: String { label }
    }

    static let badInputs: [BadInput] = [
        BadInput(
            label: "negative points", file: "games.csv",
            find: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,124,115",
            replace: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,-124,115",
            line: nil, column: "home_pts", value: "-124"),
        BadInput(
            label: "unknown team code", file: "games.csv",
            find: "0022300556,2023-24,regular_season,2024-01-15,DAL,NOP",
            replace: "0022300556,2023-24,regular_season,2024-01-15,DAL,XYZ",
            line: nil, column: "away_team", value: "XYZ"),
        BadInput(
            label: "unparsable date", file: "games.csv",
            find: "0022300557,2023-24,regular_season,2024-01-15,",
            replace: "0022300557,2023-24,regular_season,2024-01-32,",
            line: nil, column: "game_date", value: "2024-01-32"),
        BadInput(
            label: "unparsable number", file: "player_boxscores.csv",
            find: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,",
            replace: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,forty-one,",
            line: nil, column: "pts", value: "forty-one"),
        BadInput(
            label: "impossible makes", file: "player_boxscores.csv",
            find: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,12,21,",
            replace: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,12,11,",
            line: nil, column: "fgm", value: "12"),
    ]

    @Test(arguments: badInputs)
    func badRowIsRejectedWithItsLocationAndGoodRowsLoad(_ bad: BadInput) async throws {
        let original = try String(contentsOf: TestStore.fixture.appendingPathComponent(bad.file), encoding: .utf8)
        let expectedLine = original.components(separatedBy: "\n").firstIndex { $0.contains(bad.find) }.map { $0 + 1 }
        try #require(expectedLine != nil, "fixture row for \(bad.label) not found")
        let edited = try TestStore.fixtureCopy(editing: bad.file) {
            $0.replacingOccurrences(of: bad.find, with: bad.replace)
        }
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(edited, into: store)
        #expect(report.issues.count == 1)
        let issue = try #require(report.issues.first)
        #expect(issue.file == bad.file)
        #expect(issue.line == expectedLine)
        #expect(issue.column == bad.column)
        #expect(issue.value == bad.value)
        let summary = try #require(report.files.first { $0.name == bad.file })
        #expect(summary.rejected == 1)
        #expect(summary.inserted == summary.read - 1)
        let quarantined = try await store.sql.raw("SELECT file, line, column_name FROM raw_import_quarantine").all()
        #expect(quarantined.count == 1)
        #expect(try quarantined.first?.decode(column: "line", as: Int.self) == expectedLine)
    }

    @Test func duplicateKeyWithinAFileIsRejectedNamingTheFirstLine() async throws {
        let edited = try TestStore.fixtureCopy(editing: "games.csv") { text in
            var lines = text.components(separatedBy: "\n")
            lines.insert(lines[1], at: 3)  // line 2 repeated as line 4
            return lines.joined(separator: "\n")
        }
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(edited, into: store)
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1)
        #expect(issue.line == 4)
        #expect(issue.column == "game_id")
        #expect(issue.reason.contains("first on line 2"))
    }

    @Test func missingColumnRejectsTheWholeFileAndKeepsWhatWasStored() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let before = try await TestStore.snapshot(store, "raw_game_lines")
        let edited = try TestStore.fixtureCopy(editing: "game_lines.csv") { text in
            // Drop the `total` column from the header only: the file cannot be trusted at all.
            text.replacingOccurrences(of: "source,total,home_spread", with: "source,home_spread")
        }
        let report = try await TestStore.importDirectory(edited, into: store)
        let issue = try #require(report.issues.first { $0.file == "game_lines.csv" })
        #expect(issue.line == 1)
        #expect(issue.column == "total")
        #expect(report.files.first { $0.name == "game_lines.csv" }?.rejected == 220)
        #expect(try await TestStore.snapshot(store, "raw_game_lines") == before)
    }

    @Test func badRowNeverOverwritesTheStoredGoodVersion() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(of: "2024-01-15,PHI,HOU,124,115", with: "2024-01-15,PHI,HOU,-1,115")
        }
        let report = try await TestStore.importDirectory(edited, into: store)
        #expect(report.hasRejections)
        let row = try await store.sql.raw("SELECT home_pts FROM raw_games WHERE game_id = '0022300555'").first()
        #expect(try row?.decode(column: "home_pts", as: Int.self) == 124)
    }

    @Test func strictModeLoadsNothingWhenAnyRowIsBad() async throws {
        let edited = try TestStore.fixtureCopy(editing: "prop_lines.csv") { text in
            var lines = text.components(separatedBy: "\n")
            lines[5] = lines[5].replacingOccurrences(of: ",sportsbook,", with: ",casino,")
            return lines.joined(separator: "\n")
        }
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(edited, into: store, strict: true)
        #expect(report.aborted)
        #expect(report.issues.count == 1)
        #expect(report.issues.first?.line == 6)
        #expect(report.issues.first?.column == "book_type")
        for table in ["raw_games", "raw_player_boxscores", "raw_game_lines", "raw_prop_lines"] {
            #expect(try await TestStore.snapshot(store, table).isEmpty, "\(table) must stay empty")
        }
    }

    @Test func directoryWithoutDatasetFilesIsAnError() async throws {
        let empty = Scratch.root.appendingPathComponent("hoopcast-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let store = try await TestStore.fresh()
        await #expect(throws: ImportError.self) { try await TestStore.importDirectory(empty, into: store) }
    }
}

extension ImportTests {
    @Test func duplicatedHeaderColumnRejectsTheFile() async throws {
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(of: "home_pts,away_pts", with: "home_pts,home_pts")
        }
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(edited, into: store)
        let issue = try #require(report.issues.first { $0.file == "games.csv" })
        #expect(issue.line == 1)
        #expect(issue.column == "home_pts")
        #expect(report.files.first { $0.name == "games.csv" }?.rejected == 234)
        #expect(try await TestStore.snapshot(store, "raw_games").isEmpty)
    }
}
