import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// The models committed under `models/` load, serve the walk-forward rule, and evaluate exactly as catboost does
/// (`scripts/make-committed-model-fixture.py`, catboost 1.2.8).
struct CommittedModelsTests {
    static let registry = Result { try ModelRegistry(directory: TestPaths.repo("models")) }

    @Test func everyMarketHasTheEvaluationAndTheLiveModel() throws {
        let registry = try Self.registry.get()
        #expect(
            registry.entries.map(\.id)
                == Market.allCases.flatMap {
                    ["\($0.rawValue)@2023-10-01", "\($0.rawValue)@2024-07-01"]
                } + Self.residualCutoffs.map { "residual/points_rebounds_assists@\($0)" })
        // The residual models: one a month through the season, each fitted on the lined rows before its date.
        for cutoff in Self.residualCutoffs {
            let model = try #require(
                try registry.model(for: .pointsReboundsAssists, on: GameDate(cutoff)!, target: .residual))
            #expect(model.metadata.trainUntilExclusive == GameDate(cutoff)!)
            #expect(model.metadata.trainedThrough < GameDate(cutoff)! && model.metadata.target == .residual)
        }
        for market in Market.allCases {
            #expect(try registry.model(for: market, on: GameDate("2023-09-30")!) == nil)
            let evaluation = try #require(try registry.model(for: market, on: GameDate("2024-01-15")!))
            #expect(evaluation.id == "\(market.rawValue)@2023-10-01")
            // Fitted on seasons before 2023-24 only, measured on 2023-24.
            #expect(evaluation.metadata.trainedThrough <= GameDate("2023-06-30")!)
            #expect(evaluation.metadata.testRows > 20_000 && evaluation.metadata.testMAE != nil)
            #expect(try registry.model(for: market, on: GameDate("2024-10-22")!)?.id == "\(market.rawValue)@2024-07-01")
        }
    }

    static let residualCutoffs = [
        "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01",
    ]

    @Test func swiftMatchesCatboostOnEveryCommittedModel() throws {
        let registry = try Self.registry.get()
        let rows = try CatBoostSystemTests.parityRows()
        let text = try String(
            contentsOf: ModelFixtures.catboost.appendingPathComponent("committed-models.csv"),
            encoding: .utf8)
        var models: [String: RegisteredModel] = [:]
        for market in Market.allCases {
            for date in ["2023-10-01", "2024-07-01"] {
                let model = try #require(try registry.model(for: market, on: GameDate(date)!))
                models[model.id] = model
            }
        }
        for cutoff in Self.residualCutoffs {
            let model = try #require(
                try registry.model(for: .pointsReboundsAssists, on: GameDate(cutoff)!, target: .residual))
            models[model.id] = model
        }
        var checked = 0, worst = 0.0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            let model = try #require(models[fields[0]], "\(fields[0]) is not in models/")
            let expected = try #require(Double(fields[2]))
            worst = max(worst, abs(model.predict(rows[Int(fields[1])!].features) - expected))
            checked += 1
        }
        #expect(checked == 17 * 300)
        #expect(worst < 1e-6, "largest difference \(worst)")
    }
}
