import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Testing

/// Out on the injury report in force at the prediction time → the feature rows are gated `skip` with the reason, so
/// no prediction is made. Real data: the 2024-01 fixture and the official reports of 2024-01-15.
struct InjuryGateTests {
    static func features(_ directory: URL) async throws -> [StoredFeatureRow] {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(directory, into: store)
        try await RegistryAndNames.prepare(store)
        let outcome = try await PipelineRunner(pipeline: try FeatureStoreTests.pipeline(), store: store)
            .run(date: GameDate("2024-01-15")!, runID: RunLog.newRunID(prefix: "test"))
        #expect(outcome.succeeded)
        return try await FeatureReader(db: store.sql).rows(on: GameDate("2024-01-15")!)
    }

    @Test func playersOutAtThePredictionTimeAreSkippedWithTheReason() async throws {
        let rows = try await Self.features(try InjuryFixture.datasetCopy())
        func gate(_ player: Int) -> Set<String?> { Set(rows.filter { $0.playerID == player }.map(\.skipReason)) }
        // Mo Bamba and Jaden Springer played PHI's game of 2024-01-12 (active) and are out at 17:30Z; neither has a
        // box score on 2024-01-15.
        #expect(
            gate(1628964) == [
                "out in the injury report of 2024-01-15T17:30:00Z (Injury/Illness - Right Knee; Fat Pad Impingement)"
            ])
        #expect(
            gate(1630531) == [
                "out in the injury report of 2024-01-15T17:30:00Z (Injury/Illness - Right Ankle; Tendinitis)"
            ])
        #expect(gate(203954) == [nil])  // Embiid: available
        // Brunson: questionable at the 19:30Z cut-off; the 20:30Z report that rules him out came after it.
        #expect(gate(1628973) == [nil])
        #expect(rows.filter { $0.playerID == 1628964 }.allSatisfy { $0.gate == .skip })
    }

    @Test func aReportAfterTheCutOffChangesNoFeatureRow() async throws {
        let baseline = try await Self.features(try InjuryFixture.datasetCopy())
        let altered = try await Self.features(
            try InjuryFixture.datasetCopy { text in
                text
                    + "2024-01-15T17:45:00Z,0022300555,2024-01-15,2024-01-15T18:00:00Z,PHI,Joel Embiid,out,Rest\n"
                    + "2024-01-15T17:45:00Z,0022300555,2024-01-15,2024-01-15T18:00:00Z,PHI,Mo Bamba,available,\n"
            })
        #expect(altered == baseline)
    }

    @Test func withoutReportsNobodyIsGatedAsOut() async throws {
        let rows = try await Self.features(try TestStore.fixtureCopy())
        #expect(!rows.contains { $0.skipReason?.hasPrefix(FeatureBuilder.outReasonPrefix) == true })
        #expect(Set(rows.filter { $0.playerID == 1628964 }.map(\.skipReason)) == [nil])
    }
}
