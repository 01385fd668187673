import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore

/// `check.raw`: the raw layer's checks (``RawChecks``) on the date's schedule, results, box scores, game lines and
/// prop quotes, read once (six queries), before `analytics.game_summaries`. Its results are stored in
/// `ops_check_results`; a failed `error` check blocks the date (``CheckRecorder``).
public struct RawCheckStep: Step {
    public let name = CheckLayer.raw.step
    /// When the step runs (what is due yet, the results' time stamps).
    let clock: any WallClock

    /// Creates the step.
    public init(clock: any WallClock = SystemClock()) {
        self.clock = clock
    }

    /// The date's inputs as the store holds them now.
    public func inputs(date: GameDate, store: Store) async throws -> RawCheckInputs {
        let raw = RawReader(db: store.sql), props = PropLineReader(db: store.sql)
        let writes = try await raw.writers(on: date)
        let runs = try await RunLog(store: store).runs(Set(writes.map(\.runID)))
        return RawCheckInputs(
            date: date, games: try await raw.results(on: date), boxScores: try await raw.boxScores(on: date),
            gameLines: try await raw.gameLineRows(on: date), propQuotes: try await props.quotes(on: date),
            writes: writes, runs: Dictionary(runs.map { ($0.runID, $0) }, uniquingKeysWith: { first, _ in first }),
            now: clock.now.date)
    }

    /// Every raw check's verdict for `date`, without storing anything.
    public func evaluate(date: GameDate, store: Store) async throws -> [CheckResult] {
        RawChecks.evaluate(try await inputs(date: date, store: store))
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let results = try await evaluate(date: date, store: context.store)
        return try await CheckRecorder.record(
            results, step: name, date: date, checkedAt: QueueTime.text(clock.now), context: context)
    }
}
