import HoopcastAnalytics
import HoopcastChecks
import HoopcastEngine
import HoopcastGrading
import HoopcastModels
import HoopcastPredictions

/// The steps `hoopcast run --date D` runs, as a DAG: raw checks → analytics → upcoming context → features → feature
/// checks → predictions → prediction checks → grading.
enum DailyPipeline {
    /// The pipeline; the `catboost` and `catboost_residual` systems use, for each date, the newest model of each
    /// market in `registry` trained before it.
    /// The feature step chooses each line with `linePolicy` (the consensus by default); the predictions use it.
    ///
    /// Each layer's checks (`check.raw`, `check.features`, `check.predictions`) run after the layer they check and
    /// before the next step, which is composed to wait for them here (``Step/after(_:)``): a failed `error` check
    /// fails its step's job, and with it the date's downstream steps.
    ///
    /// The feature step hands each date's committed rows to the feature checks and the predictions of the same
    /// process (``FeatureHandoff``), and the predict step its committed predictions to the prediction checks and
    /// grading (``PredictionHandoff``); each reads the store instead only when the date changed since.
    static func make(registry: ModelRegistry, linePolicy: LinePolicy = .consensus) throws -> Pipeline {
        let handoff = PredictionHandoff(), features = FeatureHandoff()
        let predict = PredictStep(
            members: { date in
                SystemMember.ruleBased + [
                    SystemMember(CatBoostSystem(models: try registry.models(on: date))),
                    SystemMember(
                        CatBoostSystem(models: try registry.models(on: date, target: .residual), target: .residual)),
                ]
            },
            graded: { GradeReader(db: $0) }, handoff: handoff, features: features)
        return try Pipeline([
            RawCheckStep(), GameSummariesStep().after(CheckLayer.raw.step), UpcomingContextStep(),
            FeatureStep(linePolicy: linePolicy, handoff: features), FeatureCheckStep(handoff: features),
            predict.after(CheckLayer.features.step),
            PredictionCheckStep(handoff: handoff), GradeStep(handoff: handoff).after(CheckLayer.predictions.step),
        ])
    }
}
