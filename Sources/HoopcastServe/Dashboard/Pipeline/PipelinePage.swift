import HoopcastAlerts
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore

/// Reads what the pipeline page shows from the queue's board, the fetch manifest, the sources' health, the alerts
/// firing and the stored check results, and re-opens failed jobs.
struct PipelinePage: Sendable {
    let store: Store
    let clock: any WallClock
    /// Dates in the progress table and the step durations.
    static let dates = 14
    /// Failed jobs listed.
    static let failures = 50
    /// Dates in the data checks' table.
    static let checkDates = 7

    /// The page; `checkDate` is the date whose checks are listed (the most recent date checked when nil or when it
    /// has no results).
    func view(viewer: Viewer, flash: String?, layout: Layout, checkDate: GameDate? = nil) async throws
        -> PipelineView
    {
        let board = JobBoard(db: store.sql)
        let progress = try await board.progress(latestDates: Self.dates)
        return PipelineView.make(
            counts: try await JobQueue(store: store).counts(), progress: progress,
            failures: try await board.jobs(status: .failed, limit: Self.failures),
            steps: try await board.stepDurations(latestDates: Self.dates),
            lastSuccess: try await FetchManifest(store: store).lastSuccess(),
            health: try await SourceHealthBoard(db: store.sql).all(),
            alerts: Array(try await AlertLedger(db: store.sql).firing().values), now: clock.now, viewer: viewer,
            flash: flash, layout: layout,
            checks: CheckSummaryView.make(
                latest: try await latestChecks(shown: progress, selected: checkDate), selected: checkDate,
                limit: Self.checkDates))
    }

    /// The latest result of each check for the dates the progress table shows, the most recent dates checked
    /// (`hoopcast check` stores results for dates without jobs) and `selected`.
    func latestChecks(shown progress: [JobBoard.DateProgress], selected: GameDate?) async throws
        -> [GameDate: [StoredCheckResult]]
    {
        let reader = CheckResultReader(db: store.sql)
        var dates = Set(progress.compactMap { GameDate($0.date) })
        dates.formUnion(try await reader.recentDates(limit: Self.checkDates))
        if let selected { dates.insert(selected) }
        return try await reader.latest(on: Array(dates))
    }

    /// Re-opens the failed job `key` and the dependents it failed; the jobs re-opened.
    func retry(key: String) async throws -> Int {
        try await JobQueue(store: store).retryFailed(keys: [key])
    }
}
