import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// `check.predictions`: the prediction layer's checks (``PredictionChecks``) on the date's predictions, after
/// `predict.systems` and before `grade.predictions`. The date's predictions (the lined ones whole, the unlined ones
/// — nine in ten — with the columns they fill), feature-row lines and injury reports are read once; the graded history of the model-health check (the 14 days before the date, lined rows only) comes
/// through a dated cache a backfill reuses from one date to the next. A failed `error` check blocks the date
/// (``CheckRecorder``).
public struct PredictionCheckStep: Step {
    public let name = CheckLayer.predictions.step
    public let upstream = ["predict.systems"]
    let clock: any WallClock
    let graded = DatedCache<LinedError>(windowDays: ModelHealthCheck.windowDays, recentDays: 0)

    /// Creates the step.
    public init(clock: any WallClock = SystemClock()) {
        self.clock = clock
    }

    /// The date's inputs as the store holds them now.
    public func inputs(date: GameDate, store: Store) async throws -> PredictionCheckInputs {
        let db = store.sql
        let versions = try await PartitionVersions.read(
            [GradedPrediction.table.name], from: date.adding(days: -ModelHealthCheck.windowDays).description,
            before: date.description, on: db)
        let lined = try await graded.rows(before: date, versions: versions) { from, before in
            try await GradeReader(db: db).linedErrors(from: from, before: before).map { ($0.gameDate, $0) }
        }
        let predictions = PredictionReader(db: db)
        return PredictionCheckInputs(
            date: date, lined: try await predictions.linedRows(on: date),
            unlined: try await predictions.unlinedRows(on: date),
            featureLines: try await FeatureReader(db: db).lineChoices(on: date),
            injuries: try await InjuryReportReader(db: db).entries(on: date), linedErrors: lined)
    }

    /// Every prediction check's verdict for `date`, without storing anything.
    public func evaluate(date: GameDate, store: Store) async throws -> [CheckResult] {
        PredictionChecks.evaluate(try await inputs(date: date, store: store))
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let results = try await evaluate(date: date, store: context.store)
        return try await CheckRecorder.record(
            results, step: name, date: date, checkedAt: QueueTime.text(clock.now), context: context)
    }
}
