import HoopcastAnalytics
import HoopcastEngine
import HoopcastGrading
import HoopcastModels
import HoopcastPredictions

/// The steps `hoopcast run --date D` runs, as a DAG: analytics → upcoming context → features → predictions →
/// grading.
enum DailyPipeline {
    /// The pipeline; the `catboost` system uses, for each date, the newest model of `registry` trained before it.
    /// The feature step chooses each line with `linePolicy` (the consensus by default); the predictions use it.
    static func make(registry: ModelRegistry, linePolicy: LinePolicy = .consensus) throws -> Pipeline {
        let predict = PredictStep(
            members: { date in
                SystemMember.ruleBased + [SystemMember(CatBoostSystem(models: try registry.models(on: date)))]
            },
            graded: { GradeReader(db: $0) })
        return try Pipeline([
            GameSummariesStep(), UpcomingContextStep(), FeatureStep(linePolicy: linePolicy), predict, GradeStep(),
        ])
    }
}
