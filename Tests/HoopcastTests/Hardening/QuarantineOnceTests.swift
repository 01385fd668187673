import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import SQLKit
import Testing

/// A rejected row is quarantined once per content, with every run that saw it, on both engines.
@Suite(.serialized)
struct QuarantineOnceTests {
    /// The fixture with two bad rows: negative points in `games.csv` (line 193) and words for points in
    /// `player_boxscores.csv`.
    static func fixtureWithTwoBadRows() throws -> URL {
        let directory = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(
                of: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,124,115",
                with: "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,-124,115")
        }
        let boxScores = directory.appendingPathComponent("player_boxscores.csv")
        let text = try String(contentsOf: boxScores, encoding: .utf8)
            .replacingOccurrences(
                of: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,",
                with: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,forty-one,")
        try text.write(to: boxScores, atomically: true, encoding: .utf8)
        return directory
    }

    static func importDirectory(_ directory: URL, into store: Store, runID: String) async throws -> ImportReport {
        try await DatasetImporter(store: store, today: GameDate("2024-12-31")!).importDirectory(directory, runID: runID)
    }

    /// The quarantine as `file:line:column` → the runs that saw the row, sorted.
    static func quarantine(_ store: Store) async throws -> [String: [String]] {
        let rows = try await store.sql.raw(
            """
            SELECT q.file, q.line, q.column_name, r.run_id FROM raw_import_quarantine q
            LEFT JOIN raw_import_quarantine_runs r ON r.quarantine_id = q.id
            """
        ).all()
        var runs: [String: [String]] = [:]
        for row in rows {
            let file = try row.decode(column: "file", as: String.self)
            let line = try row.decode(column: "line", as: Int.self)
            let key = "\(file):\(line):" + (try row.decode(column: "column_name", as: String?.self) ?? "")
            runs[key, default: []] += try row.decode(column: "run_id", as: String?.self).map { [$0] } ?? []
        }
        return runs.mapValues { $0.sorted() }
    }

    static func count(_ store: Store, _ table: String) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?
            .decode(column: "n", as: Int.self) ?? -1
    }

    @Test(arguments: TestEngine.available)
    func reimportingTheSameRejectedRowsQuarantinesThemOnceWithEveryRun(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let directory = try Self.fixtureWithTwoBadRows()
        let first = try await Self.importDirectory(directory, into: store, runID: "import-a")
        #expect(first.issues.count == 2)
        #expect(try await Self.count(store, "raw_import_quarantine") == 2)
        let second = try await Self.importDirectory(directory, into: store, runID: "import-b")
        // The second run still reports both rejections (exit code 1), but stores them no second time.
        #expect(second.issues == first.issues)
        #expect(second.files.map(\.rejected) == first.files.map(\.rejected))
        #expect(try await Self.count(store, "raw_import_quarantine") == 2)
        let quarantine = try await Self.quarantine(store)
        let boxScoreLine = try #require(first.issues.first { $0.file == "player_boxscores.csv" }?.line)
        #expect(
            quarantine == [
                "games.csv:193:home_pts": ["import-a", "import-b"],
                "player_boxscores.csv:\(boxScoreLine):pts": ["import-a", "import-b"],
            ])
        // The row keeps the run that first saw it.
        let firstRuns = try await store.sql.raw("SELECT DISTINCT run_id FROM raw_import_quarantine").all()
            .map { try $0.decode(column: "run_id", as: String.self) }
        #expect(firstRuns == ["import-a"])
        try await store.close()
    }

    @Test func aDifferentRejectionOfTheSameLineIsANewEntry() async throws {
        let store = try await TestStore.fresh()
        let directory = try Self.fixtureWithTwoBadRows()
        try await Self.importDirectory(directory, into: store, runID: "import-a")
        let games = directory.appendingPathComponent("games.csv")
        try String(contentsOf: games, encoding: .utf8)
            .replacingOccurrences(of: "PHI,HOU,-124,115", with: "PHI,HOU,-125,115")
            .write(to: games, atomically: true, encoding: .utf8)
        try await Self.importDirectory(directory, into: store, runID: "import-b")
        // The box score is the same rejection seen twice; line 193 of games.csv now holds another record.
        #expect(try await Self.count(store, "raw_import_quarantine") == 3)
        #expect(try await Self.count(store, "raw_import_quarantine_runs") == 4)
    }

    /// A store quarantined twice by a binary before schema 18: the migration merges the duplicates with both runs,
    /// and the next import recognises the merged row as the same content.
    @Test(arguments: TestEngine.available)
    func theMigrationMergesEarlierDuplicatesAndTheNextImportAddsNone(engine: TestEngine) async throws {
        let location: StoreLocation
        switch engine {
        case .sqlite:
            location = .sqlite(
                path: Scratch.root
                    .appendingPathComponent("hoopcast-quarantine-\(UUID().uuidString).sqlite").path)
        case .postgres:
            location = .postgres(url: try await TestEngine.freshPostgresDatabase())
        }
        let directory = try Self.fixtureWithTwoBadRows()
        var store = try await Store.open(location)
        try await Self.importDirectory(directory, into: store, runID: "old-1")
        // Back to schema 17, as an older hoopcast left it: one row per rejection and run.
        for statement in [
            "DROP TABLE raw_import_quarantine_runs",
            "DROP INDEX raw_import_quarantine_content",
            "ALTER TABLE raw_import_quarantine DROP COLUMN content_hash",
            "DELETE FROM ops_schema_migrations WHERE version = 18",
            """
            INSERT INTO raw_import_quarantine (run_id, file, line, column_name, value, reason, record, created_at)
            SELECT 'old-2', file, line, column_name, value, reason, record, created_at FROM raw_import_quarantine
            """,
        ] {
            try await store.sql.raw(SQLQueryString(statement)).run()
        }
        #expect(try await Self.count(store, "raw_import_quarantine") == 4)
        try await store.close()

        store = try await Store.open(location)  // migrates to 18
        #expect(try await Self.count(store, "raw_import_quarantine") == 2)
        let boxScoreKey = try #require(try await Self.quarantine(store).keys.first { $0.hasPrefix("player_boxscores") })
        #expect(
            try await Self.quarantine(store) == [
                "games.csv:193:home_pts": ["old-1", "old-2"], boxScoreKey: ["old-1", "old-2"],
            ])
        try await Self.importDirectory(directory, into: store, runID: "new-3")
        #expect(try await Self.count(store, "raw_import_quarantine") == 2)
        #expect(
            try await Self.quarantine(store) == [
                "games.csv:193:home_pts": ["new-3", "old-1", "old-2"], boxScoreKey: ["new-3", "old-1", "old-2"],
            ])
        let unhashed = try await store.sql.raw(
            """
            SELECT COUNT(*) AS n FROM raw_import_quarantine WHERE content_hash IS NULL
            """
        ).first()?.decode(column: "n", as: Int.self)
        #expect(unhashed == 0)
        try await store.close()
    }
}
