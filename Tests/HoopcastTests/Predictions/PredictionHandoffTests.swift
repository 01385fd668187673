import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastPredictions
import HoopcastStore
import SQLKit
import Testing

/// The predict step hands its committed predictions to grading (and the prediction checks) of the same process:
/// what it hands over is exactly what the store returns, grading gives the same rows with or without it, and a
/// later write of the date sends readers back to the store.
struct PredictionHandoffTests {
    /// The fixture's 2024-01-08 → 2024-01-15 run with a hand-over between predict and grade.
    static let run = Task { () throws -> (Store, PredictionHandoff) in
        let handoff = PredictionHandoff()
        let pipeline = try Pipeline([
            GameSummariesStep(), UpcomingContextStep(), FeatureStep(),
            PredictStep(graded: { GradeReader(db: $0) }, handoff: handoff), GradeStep(handoff: handoff),
        ])
        let (store, _) = try await PredictionStepTests.backfilled(pipeline: pipeline)
        return (store, handoff)
    }

    /// Each stored value as text, so that −0.0 and 0.0 differ.
    static func texts(_ records: [PredictionRecord]) -> [String] {
        records.map { $0.storedValues.map { "\($0)" }.joined(separator: "|") }
    }

    @Test func whatIsHandedOverIsWhatTheStoreReturns() async throws {
        let (store, handoff) = try await Self.run.value
        var dates = 0
        var day = GameDate("2024-01-08")!
        while day <= PredictionStepTests.date {
            let stored = try await PredictionReader(db: store.sql).rows(on: day)
            if !stored.isEmpty {
                let handed = try #require(try await handoff.handed(on: day, db: store.sql), "\(day) not handed over")
                #expect(Self.texts(handed) == Self.texts(stored), "\(day)")
                dates += 1
            }
            day = day.adding(days: 1)
        }
        #expect(dates >= 5)
    }

    @Test func gradingGivesTheSameRowsWithAndWithoutTheHandoff() async throws {
        let (withHandoff, _) = try await Self.run.value
        let (without, _) = try await PredictionStepTests.shared.value
        for table in ["grading_prediction_results", "grading_system_daily"] {
            let a = try await TestStore.canonicalRows(withHandoff, table, excluding: ["run_id"])
            let b = try await TestStore.canonicalRows(without, table, excluding: ["run_id"])
            #expect(!a.isEmpty && a == b, "\(table)")
        }
    }

    @Test func aLaterWriteOfTheDateSendsReadersBackToTheStore() async throws {
        // A run of its own: the test changes a stored prediction.
        let handoff = PredictionHandoff()
        let pipeline = try Pipeline([
            GameSummariesStep(), UpcomingContextStep(), FeatureStep(),
            PredictStep(graded: { GradeReader(db: $0) }, handoff: handoff),
        ])
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-14", pipeline: pipeline)
        let day = PredictionStepTests.date
        let before = try #require(try await handoff.handed(on: day, db: store.sql))
        let first = try #require(before.first)
        // A repair through a writer: the row changes and the partition's counter moves with it.
        try await store.transaction { db in
            try await db.raw(
                """
                UPDATE predictions_player_props SET predicted_value = 99.5
                WHERE game_id = \(bind: first.gameID) AND player_id = \(bind: first.playerID)
                  AND market = \(bind: first.market.rawValue) AND system = \(bind: first.system.rawValue)
                """
            ).run()
            try await PartitionVersions.bump(PredictionReader.table, dates: [day.description], on: db)
        }
        let handed = try await handoff.handed(on: day, db: store.sql)
        #expect(handed == nil)
        let rows = try await handoff.rows(on: day, db: store.sql)
        #expect(rows.first?.predictedValue == 99.5 && rows.count == before.count)
        try await store.close()
    }
}
