import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// The whole catalogue for one date outside the pipeline (`hoopcast check --date D`): each layer's step evaluates
/// its checks against the store as it is now, and the results are stored under the command's run id (step
/// `check`), in one transaction, beside the pipeline's.
public struct CatalogueRun: Sendable {
    /// The warehouse.
    public let store: Store
    let clock: any WallClock

    /// Creates a run over `store`.
    public init(store: Store, clock: any WallClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The step name the command's results are stored under.
    public static let step = "check"

    /// Evaluates every check for `date`, stores the results under `runID` and returns them in catalogue order.
    public func run(date: GameDate, runID: String) async throws -> [CheckResult] {
        var results = try await RawCheckStep(clock: clock).evaluate(date: date, store: store)
        results += try await FeatureCheckStep(clock: clock).evaluate(date: date, store: store)
        results += try await PredictionCheckStep(clock: clock).evaluate(date: date, store: store)
        let checkedAt = QueueTime.text(clock.now)
        let rows = try results.map {
            try StoredCheckResult(date: date, runID: runID, step: CatalogueRun.step, result: $0, checkedAt: checkedAt)
        }
        try await store.transaction { db in _ = try await StoredCheckResult.write(rows, on: db) }
        return results
    }
}
