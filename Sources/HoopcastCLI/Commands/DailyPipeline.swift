import HoopcastAnalytics
import HoopcastChecks
import HoopcastEngine
import HoopcastGrading
import HoopcastModels
import HoopcastPredictions

/// The steps `hoopcast run --date D` runs, as a DAG: raw checks → analytics → upcoming context → features → feature
/// checks → predictions → prediction checks → grading.
enum DailyPipeline {
    /// The pipeline; the `catboost` system uses, for each date, the newest model of `registry` trained before it.
    /// The feature step chooses each line with `linePolicy` (the consensus by default); the predictions use it.
    ///
    /// Each layer's checks (`check.raw`, `check.features`, `check.predictions`) run after the layer they check and
    /// before the next step, which is composed to wait for them here (``Step/after(_:)``): a failed `error` check
    /// fails its step's job, and with it the date's downstream steps.
    ///
    /// The predict step hands each date's committed predictions to the prediction checks and grading of the same
    /// process (``PredictionHandoff``), which read them back from the store only when they changed since.
    static func make(registry: ModelRegistry, linePolicy: LinePolicy = .consensus) throws -> Pipeline {
        let handoff = PredictionHandoff()
        let predict = PredictStep(
            members: { date in
                SystemMember.ruleBased + [SystemMember(CatBoostSystem(models: try registry.models(on: date)))]
            },
            graded: { GradeReader(db: $0) }, handoff: handoff)
        return try Pipeline([
            RawCheckStep(), GameSummariesStep().after(CheckLayer.raw.step), UpcomingContextStep(),
            FeatureStep(linePolicy: linePolicy), FeatureCheckStep(), predict.after(CheckLayer.features.step),
            PredictionCheckStep(handoff: handoff), GradeStep(handoff: handoff).after(CheckLayer.predictions.step),
        ])
    }
}
