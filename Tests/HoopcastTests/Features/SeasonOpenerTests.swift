import HoopcastCore
import SQLKit
import Testing

/// A date on which none of the teams has played this season yet has no active players: the feature step succeeds
/// with no rows instead of failing (multi-season backfills cross every season opener).
struct SeasonOpenerTests {
    @Test func firstDateOfTheSeasonSucceedsWithoutRows() async throws {
        // The fixture's first date, 2023-12-20: the store holds no earlier 2023-24 game for any of its 20 teams.
        let (store, outcome) = try await FeatureStoreTests.features(on: GameDate("2023-12-20")!)
        #expect(outcome.succeeded, "\(outcome.firstFailure?.error ?? "")")
        let step = try #require(outcome.steps.first { $0.step == "features.player_market" })
        #expect(
            step.report?.notes == ["no feature rows: none of the 20 teams has played this season yet (season opener)"])
        let count = try await store.sql.raw(
            """
            SELECT COUNT(*) AS n FROM features_player_market WHERE game_date = '2023-12-20'
            """
        ).first()?.decode(column: "n", as: Int.self)
        #expect(count == 0)
    }
}
