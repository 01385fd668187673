import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import SQLKit

/// `predict.systems`: every system's prediction for every gated (player, game, market) of the date, with the
/// line, calibrated probability, edge and recommendation, written to `predictions_player_props` with
/// ``PartitionWriter`` in the job's fenced commit like every other step: re-runs replace the date's rows, unchanged
/// rows are left alone, predictions no longer produced are deleted. Job keys are unique per step and date and an
/// attempt that lost its lease cannot commit, so two writers of one date cannot interleave.
public struct PredictStep: Step {
    public let name = "predict.systems"
    public let upstream = ["features.player_market"]
    /// Calibration and ensemble weights read the grades of earlier dates: a backfill grades a date before
    /// predicting the next one, so results do not depend on how many workers run it.
    public let previousDateUpstream = ["grade.predictions"]

    let members: @Sendable (GameDate) throws -> [SystemMember]
    let policy: RecommendationPolicy
    let history = PlayerHistory()
    let calibration = DatedCache<CalibrationSample>(windowDays: PredictionInputsReader.calibrationDays)
    let stack = DatedCache<StackEvidence>(windowDays: StackSystem.windowDays)

    /// What the systems learn from earlier graded predictions (the grading layer's reader).
    let graded: @Sendable (any SQLDatabase) -> any GradedHistory
    /// Where each committed date's predictions are handed to the steps that read them next, when given.
    let handoff: PredictionHandoff?
    /// Where the feature step hands over the rows it committed (read from the store when absent or stale).
    let features: FeatureHandoff?

    /// The writer of `predictions_player_props`.
    static let writer = PartitionWriter(PredictionRecord.table)

    /// The partition one date's predictions replace.
    static func partition(_ date: GameDate) -> [(column: String, value: SQLValue)] {
        [("game_date", .text(date.description)), ("feature_version", .text(Feature.version))]
    }

    /// Creates the step. `members` gives the systems for a date (the CatBoost models registered before it join the
    /// rule-based systems); the ensemble is always added. The line of each row is the one the feature step chose.
    /// `graded` opens the grading layer's ``GradedHistory`` over the store; a `handoff` receives each committed
    /// date's predictions (``PredictionHandoff``); the date's feature rows come from `features` while current
    /// (``FeatureHandoff``).
    public init(
        members: @escaping @Sendable (GameDate) throws -> [SystemMember] = { _ in SystemMember.ruleBased },
        policy: RecommendationPolicy = RecommendationPolicy(),
        graded: @escaping @Sendable (any SQLDatabase) -> any GradedHistory,
        handoff: PredictionHandoff? = nil, features: FeatureHandoff? = nil
    ) {
        self.members = members
        self.policy = policy
        self.graded = graded
        self.handoff = handoff
        self.features = features
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let reader = PredictionInputsReader(
            db: context.store.sql, history: history, calibration: calibration, stack: stack,
            graded: graded(context.store.sql), features: features)
        let (inputs, skipped) = try await reader.read(date: date)
        let partition = PredictStep.partition(date), runID = context.runID
        guard !inputs.rows.isEmpty else {
            // The feature step (upstream, succeeded) decides when a date legitimately has no rows — a season opener,
            // where no team has played yet, or only players the gate skips. Nothing to predict is then the truth:
            // the date's stored predictions, if any, are deleted.
            let write = try await PredictStep.writer.plan(
                partition: partition, with: [], runID: runID,
                reading: context.store.sql)
            try await context.commit { db in
                try await write.apply(on: db)
                return write.result.deleted
            }
            return StepReport(
                rowsWritten: write.result.deleted,
                notes: [
                    "nothing to predict: no feature row of \(date) passed the gate (\(skipped) skipped)"
                ])
        }
        let engine = PredictionEngine(members: try members(date), policy: policy)
        let records = engine.predict(inputs)
        // The counter before the plan's read: the hand-over is kept only if the commit finds it moved by this write
        // alone.
        let planned = try await PartitionVersions.version(
            of: PredictionReader.table, date: date.description, on: context.store.sql)
        let write = try await PredictStep.writer.plan(
            partition: partition, with: records.map(\.storedValues), runID: runID,
            reading: context.store.sql)
        let changed = write.result.written + write.result.deleted
        let version = try await context.commit { db in
            try await write.apply(on: db)
            return (
                changed, try await PartitionVersions.version(of: PredictionReader.table, date: date.description, on: db)
            )
        }
        handoff?.deposit(records, date: date, planned: planned, committed: version, bumps: write.bumps)
        var counts: [Recommendation: Int] = [:]
        for record in records where record.system == PredictionEngine.ensembleName {
            counts[record.recommendation, default: 0] += 1
        }
        let systems = Set(records.map(\.system)).sorted().map(\.rawValue).joined(separator: ", ")
        var notes = [
            "\(records.count) predictions (\(systems)) for \(inputs.rows.count) gated rows, \(write.result.written) "
                + "written and \(write.result.deleted) deleted; \(skipped) rows skipped by the gate",
            "ensemble: \(counts[.over] ?? 0) OVER, \(counts[.under] ?? 0) UNDER, \(counts[.pass] ?? 0) PASS, "
                + "\(counts[.noLine] ?? 0) NO_LINE",
        ]
        if !inputs.calibration.failedFits.isEmpty {
            notes.append(
                "calibration fits failed (predictions fall back to the pooled map, else PASS): "
                    + inputs.calibration.failedFits.joined(separator: ", "))
        }
        return StepReport(rowsWritten: changed, notes: notes)
    }
}
