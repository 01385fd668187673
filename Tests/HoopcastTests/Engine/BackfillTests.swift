import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit
import Testing

struct BackfillTests {
    @Test func runsEveryGameDateInOrderThenResumesBySkippingFinishedDates() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        let backfill = Backfill(
            pipeline: try FeatureStoreTests.pipeline(), store: store, calendar: RawReader(db: store.sql))
        let from = GameDate("2024-01-12")!, to = GameDate("2024-01-16")!
        // Game dates in the fixture between 01-12 and 01-16: 12, 13, 14, 15, 16 (games.csv has games on each).
        let dates = try await backfill.gameDates(from: from, to: to)
        #expect(dates.map(\.description) == ["2024-01-12", "2024-01-13", "2024-01-14", "2024-01-15", "2024-01-16"])
        let first = try await backfill.run(from: from, to: to, force: false)
        #expect(first.ran == dates)
        #expect(first.failed.isEmpty)
        let contexts = try await store.sql.raw(
            """
            SELECT COUNT(DISTINCT game_date) AS n FROM analytics_upcoming_context
            WHERE game_date BETWEEN '2024-01-12' AND '2024-01-16'
            """
        ).first()
        #expect(try contexts?.decode(column: "n", as: Int.self) == 5)

        let resumed = try await backfill.run(from: from, to: GameDate("2024-01-17")!, force: false)
        #expect(resumed.skipped == dates)
        #expect(resumed.ran.map(\.description) == ["2024-01-17"])

        let forced = try await backfill.run(from: from, to: from, force: true)
        #expect(forced.ran == [from])
    }
}
