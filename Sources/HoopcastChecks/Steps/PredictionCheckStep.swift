import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore
import SQLKit

/// `check.predictions`: the prediction layer's checks (``PredictionChecks``) on the date's predictions, after
/// `predict.systems` and before `grade.predictions`. The date's predictions (the lined ones whole, the unlined ones
/// — nine in ten — with the columns they fill), feature-row lines and injury reports are read once; the graded history of the model-health check (the 14 days before the date, lined rows only) comes
/// through a dated cache a backfill reuses from one date to the next. A failed `error` check blocks the date
/// (``CheckRecorder``).
public struct PredictionCheckStep: Step {
    public let name = CheckLayer.predictions.step
    public let upstream = ["predict.systems"]
    let clock: any WallClock
    let graded = DatedCache<LinedError>(windowDays: ModelHealthCheck.windowDays)
    /// Where the predict step hands over the predictions it committed (read from the store when absent or stale).
    let handoff: PredictionHandoff?

    /// Creates the step; with a `handoff`, a date's predictions come from it while they are what the store holds.
    public init(clock: any WallClock = SystemClock(), handoff: PredictionHandoff? = nil) {
        self.clock = clock
        self.handoff = handoff
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
        let (linedRows, unlinedRows) = try await predictions(on: date, db: db)
        return PredictionCheckInputs(
            date: date, lined: linedRows, unlined: unlinedRows,
            featureLines: try await FeatureReader(db: db).lineChoices(on: date),
            injuries: try await InjuryReportReader(db: db).entries(on: date), linedErrors: lined)
    }

    /// The date's predictions made against a line (whole) and without one: handed over when current, else read.
    private func predictions(on date: GameDate, db: any SQLDatabase) async throws -> (
        [PredictionRecord], [UnlinedPrediction]
    ) {
        if let handed = try await handoff?.handed(on: date, db: db) {
            var lined: [PredictionRecord] = [], unlined: [UnlinedPrediction] = []
            for record in handed {
                if record.rawOverProbability != nil { lined.append(record) } else { unlined.append(.init(record)) }
            }
            return (lined, unlined)
        }
        let reader = PredictionReader(db: db)
        return (try await reader.linedRows(on: date), try await reader.unlinedRows(on: date))
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
