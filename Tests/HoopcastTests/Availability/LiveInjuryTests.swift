import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastLive
import HoopcastStore
import Testing

/// The live Ball Don't Lie injury list — the captured `/player_injuries` response, which lists Jaylen Brown
/// (Day-To-Day) and Jayson Tatum (Out) of BOS — stored for 2024-01-15 of the real 2024-01 fixture, without the
/// official reports. BOS played at TOR that day (0022300563); its tip-off, 2024-01-16T00:30:00Z, is the one the
/// official report printed, given here as the live NBA.com schedule would store it. The prediction time is therefore
/// 2024-01-16T00:00:00Z.
struct LiveInjuryTests {
    static let date = GameDate("2024-01-15")!
    static let tatum = 1_628_369, brown = 1_627_759, porzingis = 204001, barnes = 1_630_567
    static let game = "0022300563"

    /// A fixture store with the live list fetched at each of `fetches` and, when `tipoff`, the schedule's tip-off of
    /// BOS's game.
    static func store(fetches: [String], tipoff: Bool = true) async throws -> Store {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(try TestStore.fixtureCopy(), into: store)
        let endpoint = try #require(EndpointCatalog.endpoint("bdl.injuries"))
        let processor = PayloadProcessor(store: store, archive: nil)
        for fetchedAt in fetches {
            let outcome = try await processor.process(
                PayloadProcessor.Payload(
                    endpoint: endpoint, parameters: "",
                    context: ParseContext(date: date, fetchedAt: fetchedAt, limitToDate: false), status: 200,
                    contentType: "application/json", body: try LiveFixtures.bytes("bdl_injuries/raw_d45e630e.json")),
                runID: "test", write: true)
            #expect(!outcome.failed && outcome.writes.map(\.inserted).reduce(0, +) == 2)
        }
        if tipoff {
            var rows = ParsedRows()
            rows.append(
                [
                    "source": NBACDNParser.source, "source_game_id": game, "game_date": date.description,
                    "status": "final", "home_team": "TOR", "away_team": "BOS", "home_pts": "96", "away_pts": "105",
                    "commence_utc": "2024-01-16T00:30:00Z",
                ], to: .sourceGames)
            let schedule = rows
            let issues = try await store.transaction { db in
                try await RowSink(db: db).write(schedule, label: "schedule", runID: "test").issues
            }
            #expect(issues.isEmpty)
        }
        try await RegistryAndNames.prepare(store)
        return store
    }

    /// The date's feature rows.
    static func features(_ store: Store) async throws -> [StoredFeatureRow] {
        let outcome = try await PipelineRunner(pipeline: try FeatureStoreTests.pipeline(), store: store)
            .run(date: date, runID: RunLog.newRunID(prefix: "test"))
        #expect(outcome.succeeded)
        return try await FeatureReader(db: store.sql).rows(on: date)
    }

    static func values(_ rows: [StoredFeatureRow], _ player: Int) throws -> FeatureValues {
        try #require(rows.first { $0.playerID == player && $0.market == .points }).values
    }

    @Test func theReaderPlacesTheLiveListOnTheTeamsGameWithTheScheduledTipoff() async throws {
        let store = try await Self.store(fetches: ["2024-01-15T18:00:00Z"])
        let entries = try await InjuryReportReader(db: store.sql).entries(on: Self.date)
        // Only BOS–TOR has a known tip-off; the list names BOS's two players and nobody of TOR.
        #expect(entries.map(\.playerName) == ["Jaylen Brown", "Jayson Tatum", ""])
        #expect(entries.map(\.playerID) == [Self.brown, Self.tatum, nil])
        #expect(entries.map(\.status) == [.questionable, .out, .notYetSubmitted])
        #expect(entries.map(\.team.code) == ["BOS", "BOS", "TOR"])
        #expect(entries.allSatisfy { $0.gameID == Self.game && $0.tipUTC == "2024-01-16T00:30:00Z" })
        #expect(entries.allSatisfy { $0.reportUTC == "2024-01-15T18:00:00Z" })
    }

    @Test func aGameWithAnOfficialReportKeepsItAlone() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(try InjuryFixture.datasetCopy(), into: store)
        let endpoint = try #require(EndpointCatalog.endpoint("bdl.injuries"))
        _ = try await PayloadProcessor(store: store, archive: nil).process(
            PayloadProcessor.Payload(
                endpoint: endpoint, parameters: "",
                context: ParseContext(date: Self.date, fetchedAt: "2024-01-15T23:00:00Z", limitToDate: false),
                status: 200, contentType: "application/json",
                body: try LiveFixtures.bytes("bdl_injuries/raw_d45e630e.json")),
            runID: "test", write: true)
        try await RegistryAndNames.prepare(store)
        let entries = try await InjuryReportReader(db: store.sql).entries(on: Self.date)
        #expect(!entries.isEmpty)
        #expect(!entries.contains { $0.reportUTC == "2024-01-15T23:00:00Z" })
    }

    @Test func aLiveOutIsSkippedAndTheTeamCountsAsReported() async throws {
        let rows = try await Self.features(try await Self.store(fetches: ["2024-01-15T18:00:00Z"]))
        let tatum = rows.filter { $0.playerID == Self.tatum }
        #expect(!tatum.isEmpty && tatum.allSatisfy { $0.gate == .skip })
        #expect(
            Set(tatum.map(\.skipReason)) == [
                "out in the injury report of 2024-01-15T18:00:00Z (May 13: Tatum will miss the rest of the season "
                    + "after undergoing surgery to repair a torn left Achilles tendon Tuesday, Shams Charania of ESPN "
                    + "reports.)"
            ])
        #expect(try Self.values(rows, Self.brown)[.playProbability] == 0.592)  // Day-To-Day: questionable
        // BOS is on the list, so its unlisted rotation players are "not listed" (0.922); TOR is not on it, and its
        // players keep the default of a team without a report.
        #expect(try Self.values(rows, Self.porzingis)[.playProbability] == 0.922)
        #expect(try Self.values(rows, Self.barnes)[.playProbability] == 1)
    }

    @Test func aListFetchedAfterThePredictionTimeOrWithoutATipoffChangesNothing() async throws {
        let baseline = try await Self.features(try await Self.store(fetches: [], tipoff: true))
        #expect(!baseline.contains { $0.skipReason != nil && $0.playerID == Self.tatum })
        let late = try await Self.features(try await Self.store(fetches: ["2024-01-16T00:00:01Z"]))
        #expect(late == baseline)
        let untimed = try await Self.features(try await Self.store(fetches: ["2024-01-15T18:00:00Z"], tipoff: false))
        #expect(untimed == baseline)
        // At the prediction time exactly, the list is in force.
        let onTime = try await Self.features(try await Self.store(fetches: ["2024-01-16T00:00:00Z"]))
        #expect(onTime != baseline && onTime.contains { $0.playerID == Self.tatum && $0.gate == .skip })
    }
}
