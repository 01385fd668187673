import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// `hoopcast features export`: the training set's labels checked against the fixture's own box-score CSV.
struct FeatureExportTests {
    /// (game_id, player_id) → [market: stat], read straight from the fixture file (not through the warehouse).
    static func fixtureStats() throws -> [String: [String: Int]] {
        let text = try String(
            contentsOf: TestStore.fixture.appendingPathComponent("player_boxscores.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var stats: [String: [String: Int]] = [:]
        for fields in lines {
            let pts = Int(fields[column("pts")])!, reb = Int(fields[column("reb")])!, ast = Int(fields[column("ast")])!
            stats["\(fields[column("game_id")])/\(fields[column("player_id")])"] = [
                "points": pts, "rebounds": reb, "assists": ast, "threes": Int(fields[column("fg3m")])!,
                "points_rebounds_assists": pts + reb + ast,
            ]
        }
        return stats
    }

    @Test func exportLabelsEveryRowWithItsBoxScoreAndReplacesTheFileWhole() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        let runner = PipelineRunner(pipeline: try FeatureStoreTests.pipeline(), store: store)
        for date in ["2024-01-15", "2024-01-16"] {
            #expect(try await runner.run(date: GameDate(date)!, runID: RunLog.newRunID(prefix: "test")).succeeded)
        }
        let directory = Scratch.root.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("train.csv")
        try "an earlier export\n".write(to: url, atomically: true, encoding: .utf8)

        let count = try await FeatureExporter(store: store).export(
            from: GameDate("2024-01-01")!, to: GameDate("2024-01-31")!,
            to: url)
        let stored = try await store.sql.raw("SELECT COUNT(*) AS n FROM features_player_market").first()!
            .decode(column: "n", as: Int.self)
        #expect(count == stored && count > 500)

        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.first == FeatureExporter.header)
        #expect(lines.count == count + 1)
        #expect(Set(lines.dropFirst().map { $0[0] }) == ["2024-01-15", "2024-01-16"])
        let dates = lines.dropFirst().map { $0[0] }
        #expect(dates == dates.sorted())  // date by date, in order
        let stats = try Self.fixtureStats()
        var labelled = 0, empty = 0
        for fields in lines.dropFirst() {
            #expect(fields.count == FeatureExporter.header.count)
            let actual = fields.last!
            if let expected = stats["\(fields[1])/\(fields[2])"] {
                #expect(actual == String(expected[fields[3]]!), "\(fields[1]) \(fields[2]) \(fields[3])")
                labelled += 1
            } else {
                #expect(actual == "", "no box score for \(fields[1]) \(fields[2]), yet a label")
                empty += 1
            }
        }
        #expect(labelled > 0 && empty > 0)  // the fixture has both players who played and players who did not
        // Embiid on 2024-01-15 (hand-read from the CSV): 41 points, 10 rebounds, 3 assists, 1 three.
        let embiid = Dictionary(
            uniqueKeysWithValues: lines.filter { $0[0] == "2024-01-15" && $0[2] == "203954" }
                .map { ($0[3], $0.last!) })
        #expect(
            embiid == [
                "points": "41", "rebounds": "10", "assists": "3", "threes": "1",
                "points_rebounds_assists": "54",
            ])
        // The earlier file was replaced in one step, and no partial file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["train.csv"])
    }
}
