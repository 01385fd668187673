import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Testing

/// Point in time: every value computed for date D must be identical when every box score and game result dated D
/// or later is altered.
struct LeakageTests {
    static let date = GameDate("2024-01-15")!  // 11 games and prop lines that day

    /// Alters every box-score row and game result on or after `date` (points, rebounds, minutes, scores).
    static func alterFuture(_ text: String, file: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        guard let dateColumn = header.firstIndex(of: "game_date") else { return text }
        for index in 1..<lines.count where !lines[index].isEmpty {
            var fields = lines[index].components(separatedBy: ",")
            guard fields[dateColumn] >= date.description else { continue }
            func bump(_ column: String, by delta: Int) {
                if let position = header.firstIndex(of: column), let value = Int(fields[position]) {
                    fields[position] = String(value + delta)
                }
            }
            if file == "player_boxscores.csv" {
                // Keep rows valid: +1 free throw made and attempted (+1 point), +2 defensive rebounds, more minutes.
                bump("ftm", by: 1)
                bump("fta", by: 1)
                bump("pts", by: 1)
                bump("dreb", by: 2)
                bump("reb", by: 2)
                if let position = header.firstIndex(of: "minutes"), let minutes = Double(fields[position]) {
                    fields[position] = String(min(79, minutes + 3))
                }
            } else if file == "games.csv" {
                bump("home_pts", by: 7)
                bump("away_pts", by: 3)
            }
            lines[index] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    static func computeFor(_ directory: URL) async throws -> [String: [String]] {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(directory, into: store)
        try await RegistryAndNames.prepare(store)
        let runner = PipelineRunner(pipeline: try FeatureStoreTests.pipeline(), store: store)
        let outcome = try await runner.run(date: date, runID: "leakage")
        #expect(outcome.succeeded)
        var values: [String: [String]] = [:]
        for table in [
            "analytics_player_games", "analytics_team_games", "analytics_upcoming_context",
            "features_player_market",
        ] {
            values[table] = try await TestStore.snapshot(store, table, excluding: ["run_id"])
        }
        return values
    }

    @Test func alteringEveryRowOnOrAfterTheDateChangesNothingComputedForIt() async throws {
        var altered = try TestStore.fixtureCopy(editing: "player_boxscores.csv") {
            Self.alterFuture($0, file: "player_boxscores.csv")
        }
        let gamesText = try String(contentsOf: altered.appendingPathComponent("games.csv"), encoding: .utf8)
        try Self.alterFuture(gamesText, file: "games.csv")
            .write(to: altered.appendingPathComponent("games.csv"), atomically: true, encoding: .utf8)
        altered.standardize()
        let original = try await Self.computeFor(TestStore.fixture)
        let changed = try await Self.computeFor(altered)
        #expect(original["analytics_upcoming_context"]?.count == 2 * 11)  // 11 games on 2024-01-15
        #expect((original["features_player_market"]?.count ?? 0) > 500)
        #expect(original["analytics_player_games"]?.isEmpty == false)
        for table in original.keys.sorted() {
            let before = original[table] ?? [], after = changed[table] ?? []
            let differing = Set(before).symmetricDifference(after).sorted()
            #expect(
                before.count == after.count && differing.isEmpty,
                "\(table): \(differing.count) rows differ (future rows leaked into \(Self.date)), e.g. \(differing.prefix(2))"
            )
        }
        // The alteration is real: the raw future rows differ between the two copies.
        let rawOriginal = try String(
            contentsOf: TestStore.fixture.appendingPathComponent("player_boxscores.csv"),
            encoding: .utf8)
        let rawAltered = try String(contentsOf: altered.appendingPathComponent("player_boxscores.csv"), encoding: .utf8)
        #expect(rawOriginal != rawAltered)
    }

    /// Summaries of D's own games exist once a later date ran; features for D must still ignore them.
    @Test func runningALaterDateFirstDoesNotChangeTheDatesFeatures() async throws {
        let clean = try await Self.computeFor(TestStore.fixture)
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        let runner = PipelineRunner(pipeline: try FeatureStoreTests.pipeline(), store: store)
        let later = try await runner.run(date: GameDate("2024-01-17")!, runID: "later")
        #expect(later.succeeded)
        let outcome = try await runner.run(date: Self.date, runID: "leakage")
        #expect(outcome.succeeded)
        let features = try await TestStore.snapshot(
            store, "features_player_market", excluding: ["run_id"],
            where: "game_date = '\(Self.date)'")
        let differing = Set(features).symmetricDifference(clean["features_player_market"] ?? []).sorted()
        #expect(
            features.count == clean["features_player_market"]?.count && differing.isEmpty,
            "\(differing.count) feature rows differ, e.g. \(differing.prefix(1))")
    }

    @Test func rerunningADateLeavesIdenticalRows() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let runner = PipelineRunner(pipeline: try Pipeline([GameSummariesStep(), UpcomingContextStep()]), store: store)
        _ = try await runner.run(date: Self.date, runID: "first")
        var first: [String: [String]] = [:]
        for table in ["analytics_player_games", "analytics_team_games", "analytics_upcoming_context"] {
            first[table] = try await TestStore.snapshot(store, table)
        }
        let second = try await runner.run(date: Self.date, runID: "second")
        #expect(second.succeeded)
        #expect(second.steps.allSatisfy { ($0.report?.rowsWritten ?? -1) == 0 })
        for table in first.keys.sorted() {
            #expect(try await TestStore.snapshot(store, table) == first[table], "\(table) changed on re-run")
        }
    }
}
