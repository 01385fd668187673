import Foundation
import HoopcastCore
import HoopcastPublishing
import Testing

/// `hoopcast export`: every file validates against its committed schema, on real predictions.
struct ExportTests {
    @Test func everyFileValidatesAgainstItsSchema() async throws {
        let (store, _) = try await PredictionStepTests.shared.value
        let export = try await DateExporter(db: store.sql).export(date: PredictionStepTests.date)
        let files = try export.files()
        #expect(files.map(\.name) == DateExport.fileNames)
        for (name, json) in files {
            let schemaName = name.replacingOccurrences(of: ".json", with: ".schema.json")
            let validator = try SchemaValidator(contentsOf: TestPaths.repo("schemas/\(schemaName)"))
            #expect(validator.unsupportedKeywords().isEmpty, "\(schemaName) uses \(validator.unsupportedKeywords())")
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
            let errors = validator.errors(parsed)
            #expect(errors.isEmpty, "\(name): \(errors.count) violations, e.g. \(errors.prefix(3))")
        }
        #expect(export.predictions.predictions.count > 4000)
        // Every key is present, absent values as null; keys are sorted.
        let first = try #require(files.first?.json)
        #expect(first.contains("\"confidence\" : null") || first.contains("\"confidence\" : "))
        let keys = first.split(separator: "\n").filter { $0.hasPrefix("      \"") }.prefix(18)
            .map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted() && keys.count == 18, "\(keys)")
        // Best bets are the OVER/UNDER predictions, ranked by edge.
        let edges = export.bestBets.bets.map { $0.edge ?? 0 }
        #expect(edges == edges.sorted(by: >) && export.bestBets.bets.allSatisfy(\.isBet))
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = try SchemaValidator(contentsOf: TestPaths.repo("schemas/results.schema.json"))
        let good: [String: Any] = [
            "date": "2024-01-15", "feature_version": "v1",
            "results": [
                [
                    "game_id": "0022300570", "player_id": 203954, "player_name": NSNull(), "market": "points",
                    "system": "matchup",
                    "recommendation": "PASS", "predicted_value": 30.5, "line": 31.5, "actual": 41,
                    "absolute_error": 10.5,
                    "outcome": "no_bet", "profit_units": NSNull(),
                ] as [String: Any]
            ],
        ]
        #expect(validator.errors(good).isEmpty)
        var bad = good
        var row = (good["results"] as! [[String: Any]])[0]
        row["market"] = "steals"
        row["predicted_value"] = -1
        row.removeValue(forKey: "outcome")
        row["extra"] = 1
        bad["results"] = [row]
        #expect(validator.errors(bad).count == 4)
    }

    @Test func aDateWithoutPredictionsIsAnError() async throws {
        let store = try await TestStore.fresh()
        await #expect(throws: ExportError.self) {
            try await DateExporter(db: store.sql).export(date: PredictionStepTests.date)
        }
    }
}
