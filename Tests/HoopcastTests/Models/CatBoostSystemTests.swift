import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// `catboost` reproduces catboost's own predictions (the parity fixture, Python `predict`, catboost 1.2.8) through the
/// registry, and predicts nothing for a market without a model.
struct CatBoostSystemTests {
    /// The parity rows: features by name and catboost's prediction.
    static func parityRows() throws -> [(features: FeatureValues, expected: Double)] {
        let text = try String(contentsOf: ModelFixtures.catboost.appendingPathComponent("parity.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var features: FeatureValues = FeatureValues()
            for (name, value) in zip(header, fields) {
                if let feature = Feature(rawValue: name) { features[feature] = Double(value)! }
            }
            return (features, Double(fields[fields.count - 1])!)
        }
    }

    static func system() throws -> CatBoostSystem {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory())
        return CatBoostSystem(models: try ModelRegistry(directory: directory).models(on: GameDate("2024-01-15")!))
    }

    @Test func reproducesCatboostOnEveryParityRow() throws {
        let system = try Self.system()
        #expect(system.name == .catboost)
        let rows = try Self.parityRows()
        #expect(rows.count == 1200)
        var worst = 0.0
        for row in rows {
            let output = try #require(
                system.predict(PredictionInput(market: .points, features: row.features, line: nil)))
            worst = max(worst, abs(output.predictedValue - max(0, row.expected)))
            #expect(output.overProbability == nil)
        }
        #expect(worst < 1e-6, "largest difference \(worst)")
    }

    @Test func spreadAndOverProbabilityOfOneRowByHand() throws {
        // Row 1 of parity.csv (game 0022300451, player 201144): catboost predicts 10.766547253032108; last-10 sd
        // 3.311595788538612 over 6 games. sd = √((6·3.3116² + 5·3·10.7665) / 11) = 4.545709353540102 and
        // P(over 20.5) = 1 − Φ((20.5 − 10.7665) / 4.5457) = 0.016127361720043625 (Python, math.erfc).
        let row = try Self.parityRows()[0]
        let output = try #require(
            try Self.system().predict(
                PredictionInput(market: .points, features: row.features, line: 20.5)))
        #expect(abs(output.predictedValue - 10.766547253032108) < 1e-6)
        #expect(abs(output.standardDeviation - 4.545709353540102) < 1e-6)
        #expect(abs(output.overProbability! - 0.016127361720043625) < 1e-6)
    }

    @Test func noModelNoPrediction() throws {
        let system = try Self.system()
        let row = try Self.parityRows()[0]
        #expect(system.predict(PredictionInput(market: .rebounds, features: row.features, line: 5.5)) == nil)
        #expect(system.modelID(for: .points) == "points@2024-01-15")
        #expect(system.modelID(for: .rebounds) == nil)
        #expect(
            CatBoostSystem(models: [:]).predict(PredictionInput(market: .points, features: row.features, line: nil))
                == nil)
    }

    /// The date's batch (one model call per market, markets interleaved, some without a model) gives exactly the
    /// one-at-a-time outputs, in input order.
    @Test func batchEqualsOneAtATime() throws {
        let system = try Self.system()
        let rows = try Self.parityRows()
        let inputs = rows.enumerated().map { index, row in
            PredictionInput(
                market: index % 3 == 0 ? .rebounds : .points, features: row.features,
                line: index % 2 == 0 ? 14.5 : nil)
        }
        let batch = system.predict(inputs)
        #expect(batch == inputs.map { system.predict($0) })
        #expect(batch.filter { $0 == nil }.count == inputs.filter { $0.market == .rebounds }.count)
    }
}
