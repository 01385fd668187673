import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// `catboost_residual`: residual models live under `<models>/residual/`, are served only as residual models, and
/// predict the line plus the model's output — nothing without a line. The model is the real parity fixture, used
/// here as a residual model (the arithmetic does not depend on what it was fitted to).
struct CatBoostResidualTests {
    static let day = GameDate("2024-01-15")!

    /// A registry with the fixture as both the `catboost` points model and the residual points model.
    static func registry() throws -> ModelRegistry {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory())
        try ModelFixtures.add([(.points, "2024-01-15")], to: directory.appendingPathComponent("residual")) {
            $0["target"] = "residual"
        }
        return try ModelRegistry(directory: directory)
    }

    @Test func theRegistryKeepsTheTwoTargetsApart() throws {
        let registry = try Self.registry()
        let plain = try #require(try registry.model(for: .points, on: Self.day))
        let residual = try #require(try registry.model(for: .points, on: Self.day, target: .residual))
        #expect(plain.metadata.target == .actual && plain.id == "points@2024-01-15")
        #expect(residual.metadata.target == .residual && residual.id == "residual/points@2024-01-15")
        #expect(try registry.model(for: .points, on: GameDate("2024-01-14")!, target: .residual) == nil)
        #expect(registry.entries.map(\.id) == ["points@2024-01-15", "residual/points@2024-01-15"])
    }

    @Test func aModelOfTheOtherTargetInAFolderIsRefusedByName() throws {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory()) {
            $0["target"] = "residual"
        }
        do {
            _ = try ModelRegistry(directory: directory)
            Issue.record("a residual model among the plain ones must be refused")
        } catch {
            #expect(error.code == .inconsistentMetadata)
            #expect(error.description.contains("points/2024-01-15.meta.json"), "\(error)")
            #expect(error.description.contains("target 'residual'"), "\(error)")
        }
    }

    @Test func thePredictionIsTheLinePlusTheModelsOutput() throws {
        let registry = try Self.registry()
        let residual = CatBoostSystem(models: try registry.models(on: Self.day, target: .residual), target: .residual)
        let plain = CatBoostSystem(models: try registry.models(on: Self.day))
        #expect(residual.name == .catboostResidual && residual.modelID(for: .points) == "residual/points@2024-01-15")
        let rows = try CatBoostSystemTests.parityRows().prefix(50)
        var inputs: [PredictionInput] = []
        for (index, row) in rows.enumerated() {
            // Every other row has a line: 20.5 plus a few tenths.
            let line: Double? = index.isMultiple(of: 2) ? 20.5 + Double(index) / 10 : nil
            inputs.append(PredictionInput(market: .points, features: row.features, line: line))
        }
        let batch = residual.predict(inputs)
        for (index, input) in inputs.enumerated() {
            let one = residual.predict(input)
            #expect(batch[index] == one)
            guard let line = input.line else {
                #expect(one == nil)
                continue
            }
            // The fixture's raw output is catboost's prediction in parity.csv (to 1e-6).
            let expected = max(0, line + rows[rows.startIndex + index].expected)
            let output = try #require(one)
            #expect(abs(output.predictedValue - expected) < 1e-6)
            #expect(output.overProbability != nil)
            #expect(plain.predict(input)?.predictedValue != output.predictedValue)
        }
    }
}
