import HoopcastCore
import HoopcastPredictions
import SQLKit
import Testing

@testable import HoopcastServe
@testable import HoopcastStore

/// The API's and dashboard's slate cache: a date is joined once while its predictions and feature rows are
/// unchanged, and again as soon as a write bumps their change counters.
@Suite struct SlateCacheTests {
    @Test func aCachedSlateIsServedUntilItsPartitionsChange() async throws {
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-15")
        let date = GameDate("2024-01-15")!
        let cache = VersionedCache<GameDate, [SlatePrediction]>(capacity: 4)
        let reader = SlateReader(db: store.sql, cache: cache)
        let first = try await reader.predictions(on: date)
        let uncached = try await SlateReader(db: store.sql).predictions(on: date)
        #expect(!first.isEmpty && first.map(\.sortKey) == uncached.map(\.sortKey))
        let target = try #require(first.first).record

        // A change that bypasses the writers (no counter bump) is not seen: the cached join is served.
        try await store.sql.raw(
            """
            UPDATE predictions_player_props SET predicted_value = 99.5
            WHERE game_id = \(bind: target.gameID) AND player_id = \(bind: target.playerID)
              AND market = \(bind: target.market.rawValue) AND system = \(bind: target.system.rawValue)
            """
        ).run()
        #expect(try await reader.predictions(on: date).first?.record.predictedValue == target.predictedValue)

        // A writer's bump of the date's predictions makes the next read join again.
        try await PartitionVersions.bump(PredictionReader.table, dates: [date.description], on: store.sql)
        #expect(try await reader.predictions(on: date).first?.record.predictedValue == 99.5)
        // Another date's bump changes nothing for this one.
        try await store.sql.raw(
            """
            UPDATE predictions_player_props SET predicted_value = 12.25
            WHERE game_id = \(bind: target.gameID) AND player_id = \(bind: target.playerID)
              AND market = \(bind: target.market.rawValue) AND system = \(bind: target.system.rawValue)
            """
        ).run()
        try await PartitionVersions.bump(PredictionReader.table, dates: ["2024-01-14"], on: store.sql)
        #expect(try await reader.predictions(on: date).first?.record.predictedValue == 99.5)
    }

    @Test func whenFullTheEntryUsedLeastRecentlyMakesRoom() {
        let cache = VersionedCache<String, Int>(capacity: 2)
        cache.store(1, for: "a", versions: [:])
        cache.store(2, for: "b", versions: [:])
        #expect(cache.value("a", versions: [:]) == 1)  // "a" is now the more recent
        cache.store(3, for: "c", versions: [:])
        #expect(cache.keys == ["a", "c"])
        #expect(cache.value("a", versions: ["2024-01-15": 1]) == nil)  // other counters: not served
        cache.store(4, for: "c", versions: [:])  // replacing a key evicts nothing
        #expect(cache.keys == ["a", "c"] && cache.value("c", versions: [:]) == 4)
    }
}
