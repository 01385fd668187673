import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import Testing

@testable import HoopcastCLI

/// The real fixture (2023-12-20 → 2024-01-20, with the official injury reports of 2024-01-15) run through the daily
/// pipeline — its check steps included — for four dates up to 2024-01-15, shared by the check tests; each test reads a
/// layer's inputs of 2024-01-15 and alters real rows in memory.
enum CheckFixture {
    static let date = GameDate("2024-01-15")!
    /// The fixture's dates with prop lines up to the 15th: enough graded lined predictions before it (86 per system)
    /// for the model-health check, and a month's drift reference.
    static let dates = ["2024-01-07", "2024-01-11", "2024-01-14", "2024-01-15"].map { GameDate($0)! }

    /// PHI 124–115 HOU: Joel Embiid (203954) scored 41 of PHI's points.
    static let game = "0022300555"
    static let embiid = 203954

    /// An imported fixture (with the injury reports), registry and names resolved, nothing run.
    static func imported(at path: String? = nil) async throws -> Store {
        let store: Store
        if let path { store = try await Store.open(.sqlite(path: path)) } else { store = try await TestStore.fresh() }
        try await TestStore.importDirectory(try InjuryFixture.datasetCopy(), into: store)
        try await RegistryAndNames.prepare(store)
        return store
    }

    /// The daily pipeline of `hoopcast run`, checks included.
    static func pipeline() throws -> Pipeline {
        try DailyPipeline.make(registry: try ModelRegistry(directory: TestPaths.repo("models")))
    }

    /// ``imported(at:)`` with ``dates`` run in order; every date must succeed.
    static func backfilled() async throws -> Store {
        let store = try await imported()
        let runner = PipelineRunner(pipeline: try pipeline(), store: store)
        for day in dates {
            let outcome = try await runner.run(date: day, runID: "checks-\(day)")
            #expect(outcome.succeeded, "\(day): \(outcome.steps.compactMap(\.error))")
        }
        return store
    }

    /// One backfilled store for the read-only tests.
    static let shared = Task { try await backfilled() }

    static func rawInputs() async throws -> RawCheckInputs {
        try await RawCheckStep().inputs(date: date, store: try await shared.value)
    }

    static func featureInputs() async throws -> FeatureCheckInputs {
        try await FeatureCheckStep().inputs(date: date, store: try await shared.value)
    }

    static func predictionInputs() async throws -> PredictionCheckInputs {
        try await PredictionCheckStep().inputs(date: date, store: try await shared.value)
    }
}
