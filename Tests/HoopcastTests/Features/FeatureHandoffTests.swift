import Foundation
import HoopcastAnalytics
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastPredictions
import HoopcastStore
import SQLKit
import Testing

/// The feature step hands its committed rows to the feature checks and the predictions of the same process: what it
/// hands over is exactly what the store returns, the predictions and the checks are the same with or without it,
/// and a later write of the date sends readers back to the store.
struct FeatureHandoffTests {
    /// The fixture's 2024-01-08 → 2024-01-15 run with the feature hand-over wired as the daily pipeline wires it.
    static let run = Task { () throws -> (Store, FeatureHandoff) in
        let handoff = FeatureHandoff()
        let pipeline = try Pipeline([
            GameSummariesStep(), UpcomingContextStep(), FeatureStep(handoff: handoff),
            FeatureCheckStep(handoff: handoff),
            PredictStep(graded: { GradeReader(db: $0) }, features: handoff), GradeStep(),
        ])
        let (store, _) = try await PredictionStepTests.backfilled(pipeline: pipeline)
        return (store, handoff)
    }

    /// Each stored value as text, so that −0.0 and 0.0 differ.
    static func texts(_ rows: [StoredFeatureRow]) -> [String] {
        rows.map { $0.storedValues.map { "\($0)" }.joined(separator: "|") }
    }

    @Test func whatIsHandedOverIsWhatTheStoreReturns() async throws {
        let (store, handoff) = try await Self.run.value
        var dates = 0
        var day = GameDate("2024-01-08")!
        while day <= PredictionStepTests.date {
            let stored = try await FeatureReader(db: store.sql).rows(on: day)
            if !stored.isEmpty {
                let handed = try #require(try await handoff.handed(on: day, db: store.sql), "\(day) not handed over")
                #expect(handed == stored, "\(day)")
                #expect(Self.texts(handed) == Self.texts(stored), "\(day)")
                dates += 1
            }
            day = day.adding(days: 1)
        }
        #expect(dates >= 5)
    }

    @Test func predictionsAndGradesAreTheSameWithAndWithoutTheHandoff() async throws {
        let (withHandoff, _) = try await Self.run.value
        let (without, _) = try await PredictionStepTests.shared.value
        for table in ["predictions_player_props", "grading_prediction_results"] {
            let a = try await TestStore.canonicalRows(withHandoff, table, excluding: ["run_id"])
            let b = try await TestStore.canonicalRows(without, table, excluding: ["run_id"])
            #expect(!a.isEmpty && a == b, "\(table)")
        }
    }

    @Test func theFeatureChecksGiveTheSameVerdictsFromTheHandoffAsFromTheStore() async throws {
        let (store, handoff) = try await Self.run.value
        let day = PredictionStepTests.date
        #expect(try await handoff.handed(on: day, db: store.sql) != nil)
        let handed = try await FeatureCheckStep(handoff: handoff).evaluate(date: day, store: store)
        let read = try await FeatureCheckStep().evaluate(date: day, store: store)
        #expect(!handed.isEmpty && handed == read)
    }

    @Test func aLaterWriteOfTheDateSendsReadersBackToTheStore() async throws {
        // A run of its own: the test changes a stored feature row.
        let handoff = FeatureHandoff()
        let pipeline = try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep(handoff: handoff)])
        let (store, _) = try await PredictionStepTests.backfilled(from: "2024-01-14", pipeline: pipeline)
        let day = PredictionStepTests.date
        let before = try #require(try await handoff.handed(on: day, db: store.sql))
        let first = try #require(before.first)
        // A repair through a writer: the row changes and the partition's counter moves with it.
        try await store.transaction { db in
            try await db.raw(
                """
                UPDATE features_player_market SET f_stat_last5_mean = 99.5
                WHERE game_id = \(bind: first.gameID) AND player_id = \(bind: first.playerID)
                  AND market = \(bind: first.market.rawValue)
                """
            ).run()
            try await PartitionVersions.bump(FeatureReader.table, dates: [day.description], on: db)
        }
        let handed = try await handoff.handed(on: day, db: store.sql)
        #expect(handed == nil)
        let rows = try await handoff.rows(on: day, db: store.sql)
        #expect(rows.first?.values[.statLast5Mean] == 99.5 && rows.count == before.count)
        try await store.close()
    }
}
