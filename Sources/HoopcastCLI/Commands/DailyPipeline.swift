import HoopcastAnalytics
import HoopcastEngine

/// The steps `hoopcast run --date D` runs, as a DAG (phase 3 for now: analytics and upcoming context).
enum DailyPipeline {
    static func make() throws -> Pipeline {
        try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep()])
    }
}
