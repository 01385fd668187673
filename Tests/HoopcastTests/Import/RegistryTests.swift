import Foundation
import HoopcastIngest
import HoopcastStore
import SQLKit
import Testing

/// The registry and the batched name-resolution pass over real prop lines stored by an import.
struct RegistryTests {
    static func importedStore() async throws -> Store {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryBuilder(store: store).rebuild(runID: "test")
        return store
    }

    @Test func resolvesTheRealPropLinesAndKeepsTheAmbiguousOnes() async throws {
        let store = try await Self.importedStore()
        let summary = try await NameResolutionPass(store: store).run(runID: "test")
        #expect(summary.rows == 2638)
        #expect(summary.rate >= 0.99)
        // "J. Green" on HOU @ PHI, 2024-01-15, is Jalen or Jeff Green: both played for Houston that season.
        let green = try await store.sql.raw(
            """
            SELECT status, candidates FROM registry_name_resolutions
            WHERE player_name = 'J. Green' AND game_date = '2024-01-15'
            """
        ).all()
        #expect(green.count == 1)
        #expect(try green.first?.decode(column: "status", as: String.self) == "ambiguous")
        // Jeff, Jalen (ids ascending)
        #expect(try green.first?.decode(column: "candidates", as: String.self) == "201145,1630224")
        #expect(summary.resolved + summary.ambiguous + summary.unresolved == summary.rows)
    }

    @Test func secondPassWritesNothing() async throws {
        let store = try await Self.importedStore()
        _ = try await NameResolutionPass(store: store).run(runID: "first")
        let before = try await TestStore.snapshot(store, "registry_name_resolutions")
        let again = try await NameResolutionPass(store: store).run(runID: "second")
        #expect(again.written == 0)
        #expect(try await TestStore.snapshot(store, "registry_name_resolutions") == before)
        #expect(try await RegistryBuilder(store: store).rebuild(runID: "second") == 0)
    }

    @Test func registryHoldsStintsFromTheBoxScores() async throws {
        let store = try await Self.importedStore()
        // Joel Embiid (203954) played for PHI in 2023-24; in the fixture window his first game is 2023-12-20
        // and his last before the cut-off is 2024-01-16 (checked with grep on the fixture CSV).
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT first_game_date, last_game_date, games FROM registry_player_stints
                WHERE player_id = 203954 AND team = 'PHI' AND season = '2023-24'
                """
            ).first())
        let firstDate = try row.decode(column: "first_game_date", as: String.self)
        let lastDate = try row.decode(column: "last_game_date", as: String.self)
        let games = try row.decode(column: "games", as: Int.self)
        let csv = try String(
            contentsOf: TestStore.fixture.appendingPathComponent("player_boxscores.csv"), encoding: .utf8)
        let dates = csv.split(separator: "\n").filter { $0.contains(",203954,") }.map {
            String($0.split(separator: ",")[1])
        }
        #expect(firstDate == dates.min())
        #expect(lastDate == dates.max())
        #expect(games == dates.count)
    }
}
