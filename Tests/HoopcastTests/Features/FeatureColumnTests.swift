import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastAnalytics

/// Features are stored one real column each and read back bit for bit: no text encoding between the computed
/// value and the stored one.
struct FeatureColumnTests {
    /// Values whose shortest decimal spelling is long or whose binary form is easily lost in a text round trip.
    static let values = FeatureValues(
        Dictionary(
            uniqueKeysWithValues: Feature.allCases.enumerated().map { index, feature in
                let awkward: [Double] = [
                    0.1 + 0.2, 1.0 / 3.0, 2.0 / 7.0 - 2, .leastNonzeroMagnitude, 1.7976931348623157e308, -0.0, 123.456,
                ]
                return (feature, awkward[index % awkward.count] * (index.isMultiple(of: 2) ? 1 : -1))
            }))

    static func row(_ market: Market, skip: String? = nil) -> FeatureRow {
        var row = FeatureRow(
            gameID: "0022300001", playerID: 42, team: Team("PHI")!, market: market, values: values,
            defaulted: [.spread],
            skipReason: skip)
        row.line = ChosenLine(
            line: 24.5, book: "draftkings", overOdds: -115, underOdds: -105, movement: values[.lineMovement]!,
            books: Int(values[.booksQuoting]!), snapshotUTC: "2024-01-05T22:00:00Z")
        return row
    }

    @Test(arguments: TestEngine.available)
    func storedFeaturesReadBackBitForBit(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let date = GameDate("2024-01-05")!
        let rows = [Self.row(.points), Self.row(.rebounds, skip: "fewer than 3 games")]
        _ = try await PartitionWriter(StoredFeatureRow.table).replace(
            partition: [("game_date", .text(date.description)), ("feature_version", .text(Feature.version))],
            with: rows.map { StoredFeatureRow($0, date: date).storedValues }, runID: "t", in: store)
        let stored = try await FeatureReader(db: store.sql).rows(on: date)
        #expect(stored.map(\.market) == [.points, .rebounds])
        for (computed, read) in zip(rows, stored) {
            for feature in Feature.allCases {
                let value = computed.values[feature]!
                // Zero is stored without its sign, on both engines.
                #expect(read.values[feature]!.bitPattern == (value == 0 ? 0.0 : value).bitPattern, "\(feature)")
            }
            #expect(read.quality == computed.quality)
            #expect(read.line?.book == "draftkings" && read.line?.overOdds == -115)
        }
        #expect(stored[0].gate == .pass && stored[1].gate == .skip)
        #expect(stored[1].skipReason == "fewer than 3 games")
        #expect(try await FeatureReader(db: store.sql).passedCount(on: date) == 1)
    }

    @Test(arguments: TestEngine.available)
    func aMissingFeatureValueNamesTheRowAndColumn(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let date = GameDate("2024-01-05")!
        _ = try await PartitionWriter(StoredFeatureRow.table).replace(
            partition: [("game_date", .text(date.description)), ("feature_version", .text(Feature.version))],
            with: [StoredFeatureRow(Self.row(.points), date: date).storedValues], runID: "t", in: store)
        try await store.sql.raw("UPDATE features_player_market SET f_rest_days = NULL").run()
        let error = await #expect(throws: StoreError.self) { try await FeatureReader(db: store.sql).rows(on: date) }
        #expect("\(error!)".contains("features_player_market row 0022300001/42/points: column f_rest_days is NULL"))
    }
}
