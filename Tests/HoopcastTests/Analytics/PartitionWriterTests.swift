import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// Replacing a date's derived rows: unchanged rows stay untouched, changed rows are rewritten, vanished rows go.
struct PartitionWriterTests {
    @Test func aGameMovedOffTheDateDisappearsAndOtherRowsKeepTheirRunID() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let runner = PipelineRunner(pipeline: try Pipeline([GameSummariesStep(), UpcomingContextStep()]), store: store)
        let date = GameDate("2024-01-16")!
        _ = try await runner.run(date: date, runID: "first")
        // The PHI–DEN game (0022300566) is postponed to 2024-01-18; PHX–SAC gets a new total.
        try await store.sql.raw("UPDATE raw_games SET game_date = '2024-01-18' WHERE game_id = '0022300566'").run()
        try await store.sql.raw("UPDATE raw_game_lines SET total = 250.5 WHERE game_id = '0022300567'").run()
        let second = try await runner.run(date: date, runID: "second")
        #expect(second.succeeded)
        let rows = try await store.sql.raw(
            """
            SELECT game_id, team, total, run_id FROM analytics_upcoming_context WHERE game_date = '2024-01-16'
            ORDER BY game_id, team
            """
        ).all()
        let byGame = Dictionary(grouping: rows) { (try? $0.decode(column: "game_id", as: String.self)) ?? "" }
        #expect(byGame["0022300566"] == nil)  // deleted
        for row in byGame["0022300567"] ?? [] {  // rewritten
            #expect(try row.decode(column: "total", as: Double.self) == 250.5)
            #expect(try row.decode(column: "run_id", as: String.self) == "second")
        }
        for row in byGame["0022300568"] ?? [] {  // untouched
            #expect(try row.decode(column: "run_id", as: String.self) == "first")
        }
        #expect(rows.count == 4)
        let report = try #require(second.steps.first { $0.step == "context.upcoming" }?.report)
        #expect(report.rowsWritten == 2 + 2)  // two rewritten, two deleted
    }
}
