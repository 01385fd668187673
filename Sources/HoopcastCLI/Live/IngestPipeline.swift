import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastModels

/// What a worker needs to run the ingest jobs of the long-running mode (`hoopcast schedule`).
struct IngestStepSettings: Sendable {
    /// The HTTP client of the worker's ingest steps.
    let client: LiveHTTPClient
    /// The raw archive.
    let archive: RawArchive
    /// Base URLs and keys, from the environment as `ingest` reads them.
    let settings: SourceSettings
    /// Sources or endpoints to fetch (nil: every source whose key is configured).
    let sources: Set<String>?
}

extension DailyPipeline {
    /// The phases queued by `hoopcast schedule`.
    static let scheduledPhases: [IngestPhase] = [.morning, .pretip, .overnight]

    /// The worker's pipeline: the daily pipeline's steps plus `ingest.morning`, `ingest.pretip` and
    /// `ingest.overnight`, each of which re-opens the daily pipeline's jobs for its date after a successful ingest.
    /// Dates are queued from ``make(registry:linePolicy:)`` alone (`run`, `backfill`), never with ingest jobs.
    static func withIngest(
        registry: ModelRegistry, linePolicy: LinePolicy = .consensus,
        ingest: IngestStepSettings
    ) throws -> Pipeline {
        let daily = try make(registry: registry, linePolicy: linePolicy)
        let steps: [any Step] = scheduledPhases.map { phase in
            LiveIngestStep(
                phase: phase, client: ingest.client, archive: ingest.archive, settings: ingest.settings,
                sources: ingest.sources
            ) { date in JobPlan.specs(pipeline: daily, dates: [date]) }
        }
        return try Pipeline(daily.ordered + steps)
    }
}
