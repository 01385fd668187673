import HoopcastAnalytics
import HoopcastEngine
import HoopcastPredictions

/// The steps `hoopcast run --date D` runs, as a DAG: analytics → upcoming context → features → predictions →
/// grading.
enum DailyPipeline {
    static func make() throws -> Pipeline {
        try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep(), PredictStep(), GradeStep()])
    }
}
