import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastModels
import HoopcastStore
import Testing

@testable import HoopcastCLI

/// `hoopcast train` end to end on the real fixture: backfill, export, the real `training/train.py` (needs catboost;
/// the test fails without it — `scripts/test.sh` installs it), registry layout, walk-forward selection.
struct TrainWorkflowTests {
    static let script = TestPaths.repo("training/train.py")

    /// A fresh store with the real fixture imported, its registry built and its names resolved.
    static func fixtureStore() async throws -> Store {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        return store
    }

    @Test func trainsIntoTheRegistryAndReproducesTheParityFixture() async throws {
        let store = try await Self.fixtureStore()
        let models = ModelFixtures.temporaryDirectory()
        // The parity fixture's own recipe (Fixtures/catboost): features of 2024-01-01…20, cut at 2024-01-15, 150 trees.
        let configuration = TrainWorkflow.Configuration(
            from: GameDate("2024-01-01")!, to: GameDate("2024-01-20")!, trainUntil: GameDate("2024-01-15")!,
            markets: [.points, .rebounds], modelsDirectory: models, script: Self.script, iterations: 150)
        let outcome = try await TrainWorkflow(store: store).run(configuration)
        #expect(outcome.backfill.ran.count == 20 && outcome.backfill.failed.isEmpty)
        #expect(outcome.models.map(\.metadata.id) == ["points@2024-01-15", "rebounds@2024-01-15"])
        #expect(outcome.catboostVersion == "1.2.8")

        let names = try FileManager.default.contentsOfDirectory(atPath: models.appendingPathComponent("points").path)
        #expect(names.sorted() == ["2024-01-15.json", "2024-01-15.meta.json"])
        let registry = try ModelRegistry(directory: models)
        #expect(try registry.model(for: .points, on: GameDate("2024-01-14")!) == nil)
        let points = try #require(try registry.model(for: .points, on: GameDate("2024-01-15")!))
        #expect(points.id == "points@2024-01-15")
        #expect(try registry.model(for: .rebounds, on: GameDate("2024-01-15")!)?.id == "rebounds@2024-01-15")
        #expect(try registry.model(for: .assists, on: GameDate("2024-01-15")!) == nil)

        // Same rows as the committed fixture's metadata (catboost's earlier run), and the same model: catboost's
        // predictions in parity.csv are reproduced.
        #expect(points.metadata.trainRows == 2080 && points.metadata.testRows == 871)
        #expect(
            points.metadata.trainedFrom == GameDate("2024-01-01")!
                && points.metadata.trainedThrough == GameDate("2024-01-14")!)
        #expect(abs(points.metadata.testMAE! - 4.748995476251204) < 1e-9)
        var worst = 0.0
        for row in try CatBoostSystemTests.parityRows() {
            worst = max(worst, abs(points.predict(row.features) - row.expected))
        }
        #expect(worst < 1e-6, "largest difference \(worst)")

        // A second run skips the finished dates and replaces the model of the same cut-off.
        let again = try await TrainWorkflow(store: store).run(
            TrainWorkflow.Configuration(
                from: configuration.from, to: configuration.to, trainUntil: configuration.trainUntil,
                markets: [.points], modelsDirectory: models, script: Self.script, iterations: 20))
        #expect(again.backfill.ran.isEmpty && again.backfill.skipped.count == 20)
        #expect(
            try ModelRegistry(directory: models).model(for: .points, on: GameDate("2024-01-15")!)?
                .metadata.parameters.iterations == 20)
    }

    /// `--target residual`: actual − line on the 117 lined, gated points+rebounds+assists rows before 2024-01-15
    /// (counted with pandas on the export), installed under `residual/`, served only as a residual model.
    @Test func trainsAResidualModelOnTheLinedRows() async throws {
        let store = try await Self.fixtureStore()
        let models = ModelFixtures.temporaryDirectory()
        let configuration = TrainWorkflow.Configuration(
            from: GameDate("2024-01-01")!, to: GameDate("2024-01-20")!, trainUntil: GameDate("2024-01-15")!,
            markets: [.pointsReboundsAssists], target: .residual, modelsDirectory: models, script: Self.script,
            iterations: 20)
        let outcome = try await TrainWorkflow(store: store).run(configuration)
        let meta = try #require(outcome.models.first?.metadata)
        #expect(meta.target == .residual && meta.trainRows == 117 && meta.testRows == 147)
        #expect(
            FileManager.default.fileExists(
                atPath: models.appendingPathComponent("residual/points_rebounds_assists/2024-01-15.json").path))
        let registry = try ModelRegistry(directory: models)
        let day = GameDate("2024-01-15")!
        #expect(try registry.model(for: .pointsReboundsAssists, on: day) == nil)
        #expect(
            try registry.model(for: .pointsReboundsAssists, on: day, target: .residual)?.id
                == "residual/points_rebounds_assists@2024-01-15")
    }

    @Test func catboostErrorsReachTheUserWithPythonsMessage() async throws {
        let store = try await Self.fixtureStore()
        let configuration = TrainWorkflow.Configuration(
            // The fixture starts on 2023-12-20: on 12-21 nobody has the 3 earlier games the gate needs, so there is
            // no training row and train.py refuses (exit 1, its message on stderr).
            from: GameDate("2023-12-21")!, to: GameDate("2023-12-22")!, trainUntil: GameDate("2023-12-22")!,
            markets: [.assists], modelsDirectory: ModelFixtures.temporaryDirectory(), script: Self.script)
        do {
            _ = try await TrainWorkflow(store: store).run(configuration)
            Issue.record("training on fewer than 100 rows must fail")
        } catch let error as TrainError {
            #expect(error.code == .trainingFailed)
            #expect(error.description.contains("only 0 training rows for assists before 2023-12-22"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: configuration.modelsDirectory.path))
    }

    @Test func missingPythonOrCatboostIsExplained() async throws {
        await #expect {
            try await TrainWorkflow.checkPython("/nonexistent/python3")
        } throws: { error in
            (error as? TrainError)?.code == .pythonUnavailable
        }
        // The real interpreter without site-packages: catboost cannot be imported.
        let wrapper = ModelFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: wrapper, withIntermediateDirectories: true)
        let python = wrapper.appendingPathComponent("python-without-packages")
        try Data("#!/bin/sh\nexec python3 -I -S \"$@\"\n".utf8).write(to: python)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python.path)
        await #expect {
            try await TrainWorkflow.checkPython(python.path)
        } throws: { error in
            guard let error = error as? TrainError else { return false }
            return error.code == .catboostMissing
                && error.description.contains("pip install -r training/requirements.txt")
        }
        #expect(try await TrainWorkflow.checkPython("python3") == "1.2.8")
    }

    @Test func commandOptionsBecomeTheConfiguration() throws {
        let parsed = try TrainCommand.parse([
            "--from", "2016-10-25", "--to", "2024-06-30", "--train-until", "2023-10-01",
            "--markets", "points, threes", "--models", "/tmp/m", "--iterations", "300",
        ]).parsedConfiguration()
        #expect(parsed.markets == [.points, .threes])
        #expect(parsed.trainUntil == GameDate("2023-10-01")!)
        #expect(parsed.modelsDirectory.path == "/tmp/m")
        #expect(parsed.iterations == 300 && parsed.depth == nil)
        #expect(parsed.script.path.hasSuffix("/training/train.py"))
        #expect(
            try TrainCommand.parse(["--from", "2024-01-01", "--to", "2024-01-20", "--train-until", "2024-01-15"])
                .parsedConfiguration().markets == Market.allCases)
        #expect(throws: ValidationError.self) {
            try TrainCommand.parse([
                "--from", "2024-01-01", "--to", "2024-01-20", "--train-until", "2024-01-15",
                "--markets", "points,steals",
            ]).parsedConfiguration()
        }
        #expect(throws: ValidationError.self) {
            try TrainCommand.parse(["--from", "2024-01-15", "--to", "2024-01-20", "--train-until", "2024-01-15"])
                .parsedConfiguration()
        }
    }
}
