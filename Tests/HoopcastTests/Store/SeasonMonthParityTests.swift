import ArgumentParser
import Foundation
import HoopcastStore
import Testing

@testable import HoopcastCLI

/// A month of the bundled 2023-24 season through the real commands — import, then a backfill with every system
/// (the committed CatBoost models included) and every market — on SQLite and on PostgreSQL: every non-ops table
/// holds the same rows, bit for bit (run ids, surrogate ids and timestamps aside). A read whose order the engines
/// leave undefined, feeding a sum, a fit or a choice, shows up here as a differing prediction.
struct SeasonMonthParityTests {
    static let from = "2023-11-01", to = "2023-11-30"

    private static func run(_ arguments: [String]) async throws {
        var command = try HoopcastCommand.parseAsRoot(arguments)
        guard var asyncCommand = command as? any AsyncParsableCommand else { return try command.run() }
        try await asyncCommand.run()
    }

    /// Imports the bundled data (its three known rejections make `import` exit 1) and backfills the month.
    private static func backfill(_ spec: String) async throws {
        do {
            try await run(["import", TestPaths.repo("data/demo").path, "--json", "--store", spec])
        } catch let exit as ExitCode where exit == ExitCode(1) {}  // the 3 impossible game-line totals
        try await run([
            "backfill", "--from", from, "--to", to, "--workers", "2", "--store", spec,
            "--models", TestPaths.repo("models").path,
        ])
    }

    // The suite's longest test (16 minutes in CI beside every other test on two cores); the limit only guards
    // against a hang.
    @Test(.enabled(if: TestEngine.postgresURL != nil), .timeLimit(.minutes(35)))
    func aMonthOfTheBundledSeasonIsIdenticalOnBothEngines() async throws {
        let file = Scratch.root.appendingPathComponent("hoopcast-month-\(UUID().uuidString)")
        let sqliteSpec = "sqlite:\(file.path)/h.sqlite"
        let postgresURL = try await TestEngine.freshPostgresDatabase()
        try await Self.backfill(sqliteSpec)
        try await Self.backfill(postgresURL)
        let sqlite = try await Store.open(try StoreLocation(parsing: sqliteSpec))
        let postgres = try await Store.open(.postgres(url: postgresURL))
        let excluded: Set<String> = [
            "run_id", "id", "created_at", "updated_at", "imported_at", "quarantined_at",
            "seen_at",
        ]
        var compared: [String: Int] = [:]
        for table in try await PostgresParityTests.tables(sqlite) where !table.hasPrefix("ops_") {
            let left = try await TestStore.canonicalRows(sqlite, table, excluding: excluded)
            let right = try await TestStore.canonicalRows(postgres, table, excluding: excluded)
            #expect(left.count == right.count, "\(table): \(left.count) rows on SQLite, \(right.count) on PostgreSQL")
            let differing = zip(left, right).first { $0 != $1 }
            #expect(differing == nil, "\(table): first difference \(String(describing: differing))")
            compared[table] = left.count
        }
        // Every system and market of the month: 7 systems (catboost_residual on the lined points+rebounds+assists
        // rows, the others on every gated row) and 5 markets.
        let systems = try await sqlite.sql.raw(
            """
            SELECT COUNT(DISTINCT system) AS s, COUNT(DISTINCT market) AS m, COUNT(DISTINCT game_date) AS d
            FROM predictions_player_props
            """
        ).first()
        #expect(try systems?.decode(column: "s", as: Int.self) == 7)
        #expect(try systems?.decode(column: "m", as: Int.self) == 5)
        #expect(try (systems?.decode(column: "d", as: Int.self) ?? 0) >= 25)
        #expect((compared["predictions_player_props"] ?? 0) > 100_000, "\(compared)")
        try await sqlite.close()
        try await postgres.close()
        try? FileManager.default.removeItem(at: file)
    }
}
