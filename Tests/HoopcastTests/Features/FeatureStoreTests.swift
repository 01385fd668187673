import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// The feature store on real data; expected values computed by hand (Python over the fixture CSV).
struct FeatureStoreTests {
    static let pipeline: @Sendable () throws -> Pipeline = {
        try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep()])
    }

    static func features(on date: GameDate) async throws -> (Store, PipelineRunner.DateOutcome) {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        let outcome = try await PipelineRunner(pipeline: try pipeline(), store: store)
            .run(date: date, runID: RunLog.newRunID(prefix: "test"))
        return (store, outcome)
    }

    static func featureValues(_ store: Store, player: Int, market: String, date: String) async throws
        -> (values: [String: Double], quality: Double, gate: String, reason: String?)
    {
        let row = try #require(
            try await FeatureReader(db: store.sql).rows(on: GameDate(date)!).first {
                $0.playerID == player && $0.market.rawValue == market
            })
        var values: [String: Double] = [:]
        for (feature, value) in row.values { values[feature.rawValue] = value }
        return (values, row.quality, row.gate.rawValue, row.skipReason)
    }

    @Test func catalogueHasAtLeast33DocumentedFeaturesAndDocsAreCurrent() throws {
        #expect(Feature.allCases.count >= 33)
        for feature in Feature.allCases {
            #expect(!feature.definition.isEmpty && !feature.window.isEmpty && !feature.defaultDescription.isEmpty)
        }
        let docs = try String(contentsOf: TestPaths.repo("docs/features.md"), encoding: .utf8)
        #expect(docs == Feature.markdown, "docs/features.md is stale: run `hoopcast features docs > docs/features.md`")
    }

    @Test func embiidPointsFeaturesMatchHandComputation() async throws {
        let (store, outcome) = try await Self.features(on: GameDate("2024-01-15")!)
        #expect(outcome.succeeded)
        let (values, quality, gate, _) = try await Self.featureValues(
            store, player: 203954, market: "points",
            date: "2024-01-15")
        // Embiid's games in the fixture before 2024-01-15: 51, 31, 31, 30 points (12-20 … 01-05).
        #expect(values["stat_last5_mean"] == 35.75)
        #expect(values["stat_last10_mean"] == 35.75)
        #expect(abs(values["stat_last10_std"]! - 10.177589760514683) < 1e-9)
        #expect(abs(values["stat_trend"]! - (-6.3)) < 1e-9)  // slope of 51, 31, 31, 30 against 0…3
        #expect(values["stat_last_game"] == 30)
        #expect(abs(values["stat_per_minute_last10"]! - 1.0303830911492735) < 1e-9)
        #expect(abs(values["minutes_last5_mean"]! - 34.69583333333333) < 1e-9)
        #expect(values["games_played_season"] == 4)
        #expect(values["is_home"] == 1)
        #expect(values["rest_days"] == 2)  // PHI last played 01-12
        #expect(values["spread"] == -8.5)
        #expect(values["total"] == 231.5)
        #expect(values["implied_team_total"] == 120)  // (231.5 + 8.5) / 2
        #expect(values["has_line"] == 0)  // only a PRA line that day
        #expect(gate == "pass")
        #expect(quality < 1)  // line features defaulted
    }

    @Test func embiidPraLineIsTheLatestSnapshotConsensus() async throws {
        let (store, _) = try await Self.features(on: GameDate("2024-01-15")!)
        let (values, _, _, _) = try await Self.featureValues(
            store, player: 203954, market: "points_rebounds_assists",
            date: "2024-01-15")
        // 18:05:39 snapshot: 8 books, 50.5 ×5, 51.5, 52.5 ×2 → median 50.5; 16:55:40 snapshot median also 50.5.
        #expect(values["has_line"] == 1)
        #expect(values["line"] == 50.5)
        #expect(values["line_movement"] == 0)
        #expect(values["books_quoting"] == 8)
        #expect(values["stat_last10_mean"] == 53.75)  // PRA 43, 56, 50, 66
        #expect(values["line_minus_last10"] == -3.25)
        // The books' lines run from 50.5 to 52.5. At 50.5 the median over is −135 (of −125, −130, −135, −140, −145)
        // and the median under +100 or −100 (implied 0.5; of −105, +100, +110, −101, +110): the vig-free P(over) is
        // (135/235) / (135/235 + 0.5) = 0.5346534653465347 (Python).
        #expect(values["line_books_range"] == 2)
        #expect(abs(values["market_over_probability"]! - 0.5346534653465347) < 1e-12)
    }

    @Test func playersWithTooFewGamesAreSkippedWithTheReason() async throws {
        let (store, _) = try await Self.features(on: GameDate("2024-01-15")!)
        let rows = try await store.sql.raw(
            """
            SELECT gate, skip_reason, quality FROM features_player_market WHERE game_date = '2024-01-15'
            """
        ).all()
        #expect(rows.count > 500)
        let skipped = try rows.filter { try $0.decode(column: "gate", as: String.self) == "skip" }
        #expect(!skipped.isEmpty)
        for row in skipped {
            let reason = try row.decode(column: "skip_reason", as: String?.self)
            #expect(reason?.contains("games before 2024-01-15") == true || reason?.contains("required feature") == true)
        }
    }

    @Test func rerunWritesNothing() async throws {
        let (store, _) = try await Self.features(on: GameDate("2024-01-15")!)
        let before = try await TestStore.snapshot(store, "features_player_market")
        let again = try await PipelineRunner(pipeline: try Self.pipeline(), store: store)
            .run(date: GameDate("2024-01-15")!, runID: "again")
        #expect(again.steps.allSatisfy { $0.report?.rowsWritten == 0 })
        #expect(try await TestStore.snapshot(store, "features_player_market") == before)
    }
}
