import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore

/// Reads what the pipeline page shows from the queue's board and the fetch manifest, and re-opens failed jobs.
struct PipelinePage: Sendable {
    let store: Store
    let clock: any WallClock
    /// Dates in the progress table and the step durations.
    static let dates = 14
    /// Failed jobs listed.
    static let failures = 50

    func view(viewer: Viewer, flash: String?, layout: Layout) async throws -> PipelineView {
        let board = JobBoard(db: store.sql)
        return PipelineView.make(
            counts: try await JobQueue(store: store).counts(),
            progress: try await board.progress(latestDates: Self.dates),
            failures: try await board.jobs(status: .failed, limit: Self.failures),
            steps: try await board.stepDurations(latestDates: Self.dates),
            lastSuccess: try await FetchManifest(store: store).lastSuccess(), now: clock.now, viewer: viewer,
            flash: flash, layout: layout)
    }

    /// Re-opens the failed job `key` and the dependents it failed; the jobs re-opened.
    func retry(key: String) async throws -> Int {
        try await JobQueue(store: store).retryFailed(keys: [key])
    }
}
