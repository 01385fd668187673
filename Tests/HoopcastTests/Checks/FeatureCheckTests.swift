import Foundation
import HoopcastAnalytics
import HoopcastChecks
import HoopcastCore
import Testing

/// Every feature check on the real feature rows of 2024-01-15 (1,580 rows; drift against 2024-01-07, 11 and 14): it passes,
/// and fails — naming the rows — once real rows are altered.
struct FeatureCheckTests {
    private static func inputs(_ edit: (inout FeatureCheckInputs) -> Void = { _ in }) async throws
        -> FeatureCheckInputs
    {
        var inputs = try await CheckFixture.featureInputs()
        edit(&inputs)
        return inputs
    }

    /// The index of a real row.
    private static func index(_ inputs: FeatureCheckInputs, player: Int = CheckFixture.embiid, _ market: Market)
        -> Int
    {
        inputs.rows.firstIndex { $0.playerID == player && $0.market == market }!
    }

    @Test func everyFeatureCheckPassesOnTheRealDate() async throws {
        let inputs = try await Self.inputs()
        #expect(inputs.rows.count > 1000 && inputs.reference.count >= 5 * DriftCheck.minimumReference)
        for result in FeatureChecks.evaluate(inputs) {
            #expect(result.status == .passed, "\(result.line)")
        }
    }

    @Test func aDuplicatedRowFailsUniqueness() async throws {
        let result = FeatureUniquenessCheck.evaluate(
            try await Self.inputs { inputs in inputs.rows.append(inputs.rows[Self.index(inputs, .points)]) })
        #expect(result.blocks)
        #expect(result.sample == [FailingRow(key: "\(CheckFixture.game)/203954/points", values: ["rows": "2"])])
    }

    @Test func aRowOfAnUnknownGameOrPlayerFailsReferences() async throws {
        let result = FeatureReferenceCheck.evaluate(
            try await Self.inputs { inputs in
                let index = Self.index(inputs, .assists)
                inputs.rows[index].gameID = "0022399999"
                inputs.knownPlayers.remove(CheckFixture.embiid)
            })
        #expect(result.blocks && result.failed == 5)  // Embiid's five markets: his player is unknown in each
        #expect(
            result.sample.contains(
                FailingRow(
                    key: "0022399999/203954/assists",
                    values: [
                        "game": "0022399999 not scheduled on 2024-01-15",
                        "player": "203954 has no box score before 2024-01-15",
                    ])))
        #expect(
            result.sample.contains(
                FailingRow(
                    key: "\(CheckFixture.game)/203954/points",
                    values: ["player": "203954 has no box score before 2024-01-15"])))
    }

    @Test func aNaNFeatureOrALineWithoutHasLineFailsAcceptedValues() async throws {
        let result = FeatureAcceptedValuesCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.rows[Self.index(inputs, .points)].values[.statLast10Std] = .nan
                inputs.rows[Self.index(inputs, .pointsReboundsAssists)].values[.hasLine] = 0
            })
        #expect(result.blocks)
        try #require(
            result.sample.map(\.key) == [
                "\(CheckFixture.game)/203954/points", "\(CheckFixture.game)/203954/points_rebounds_assists",
            ])
        #expect(result.sample[0].values == ["stat_last10_std": "nan"])
        #expect(result.sample[1].values == ["line": "50.5 stored with has_line = 0"])
    }

    @Test func aLineFarFromRecentProductionOrStaleIsFlagged() async throws {
        let inputs = try await Self.inputs()
        let index = Self.index(inputs, .pointsReboundsAssists)
        let row = inputs.rows[index]
        var far = inputs
        far.rows[index].line?.line = (row.values[.statLast10Mean] ?? 0) + 4 * max(row.values[.statLast10Std] ?? 0, 1)
        let farResult = FeatureLineSanityCheck.evaluate(far)
        #expect(farResult.status == .failed && !farResult.blocks)
        try #require(farResult.sample.map(\.key) == ["\(CheckFixture.game)/203954/points_rebounds_assists"])
        #expect(farResult.sample[0].values["why"] == "far from recent production")
        #expect(farResult.sample[0].values["z"] == "4.00")
        var stale = inputs
        stale.rows[index].line?.snapshotUTC = "2024-01-14T05:00:00Z"
        let staleResult = FeatureLineSanityCheck.evaluate(stale)
        try #require(staleResult.sample.map(\.key) == ["\(CheckFixture.game)/203954/points_rebounds_assists"])
        #expect(staleResult.sample[0].values["why"] == "stale")
        #expect(staleResult.sample[0].values["snapshot"] == "2024-01-14T05:00:00Z")
    }

    @Test func aUnitChangeInOneFeatureFailsDrift() async throws {
        // Last-10 means reported in another unit (×3) on the date: every market's distribution moves.
        let result = DriftCheck.evaluate(
            try await Self.inputs { inputs in
                for index in inputs.rows.indices { inputs.rows[index].values[.statLast10Mean]! *= 3 }
            })
        #expect(result.status == .failed && !result.blocks)
        #expect(result.sample.map(\.key) == Market.allCases.map { "\($0.rawValue)/stat_last10_mean" }.sorted())
        for row in result.sample { #expect(Double(row.values["psi"]!)! > DriftCheck.limit) }
    }

    @Test func aStoredRowThatDiffersFromItsRebuildFailsRecompute() async throws {
        let inputs = try await Self.inputs()
        let recomputation = try #require(inputs.recomputation)
        try #require(recomputation.players.count == 4)
        #expect(recomputation.rebuilt.count == 20)
        let player = recomputation.players[0]
        var altered = inputs
        let index = Self.index(inputs, player: player, .rebounds)
        let stored = altered.rows[index].values[.statLast5Mean]!
        altered.rows[index].values[.statLast5Mean] = stored + 0.5
        let result = RecomputeCheck.evaluate(altered)
        #expect(result.blocks)
        let gameID = inputs.rows[index].gameID
        #expect(
            result.sample == [
                FailingRow(
                    key: "\(gameID)/\(player)/rebounds",
                    values: ["stat_last5_mean": "stored \(stored + 0.5), rebuilt \(stored)"])
            ])
    }
}
