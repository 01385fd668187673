import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Testing

@testable import HoopcastAnalytics

/// `FeatureBuilder.build(_:only:)` — what `check.features` rebuilds for its sample — gives each chosen player's rows
/// exactly as the full build does, on the real fixture's inputs (availability from a whole roster included).
struct FeatureSampleBuildTests {
    @Test func aSampleIsTheFullBuildsRowsOfThosePlayers() async throws {
        let (store, outcome) = try await FeatureStoreTests.features(on: GameDate("2024-01-15")!)
        #expect(outcome.succeeded)
        let (inputs, _) = try await FeatureInputLoader(
            db: store.sql, playerGames: DatedCache(windowDays: FeatureInputLoader.historyDays),
            teamGames: DatedCache(windowDays: FeatureInputLoader.historyDays), linePolicy: .consensus
        ).load(date: GameDate("2024-01-15")!)
        let full = FeatureBuilder.build(inputs)
        #expect(full.count > 500)
        // Embiid (PHI, home), Brunson (NYK), and a player id with no row.
        let sample: Set<Int> = [203954, 1628973, 1]
        let sampled = FeatureBuilder.build(inputs, only: sample)
        #expect(sampled == full.filter { sample.contains($0.playerID) })
        #expect(Set(sampled.map { $0.playerID }) == [203954, 1628973])
        #expect(sampled.count == 2 * Market.allCases.count)
        #expect(FeatureBuilder.build(inputs, only: []).isEmpty)
    }
}
