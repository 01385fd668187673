import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastLive

/// Everything the alert rules look at, read from the store at one instant.
public struct AlertInputs: Sendable {
    /// When it was read.
    public var now: WallInstant
    /// Jobs that gave up (attempts exhausted or a permanent error).
    public var failedJobs: [JobBoard.JobSummary]
    /// The latest run's check results of each recent date.
    public var checks: [GameDate: [StoredCheckResult]]
    /// Every live source's health.
    public var sources: [SourceHealth]
    /// Today (Eastern) and, when it has games, how many are scheduled and how many predictions exist.
    public var today: (date: GameDate, games: Int, predictions: Int)

    /// Creates inputs.
    public init(
        now: WallInstant, failedJobs: [JobBoard.JobSummary], checks: [GameDate: [StoredCheckResult]],
        sources: [SourceHealth], today: (date: GameDate, games: Int, predictions: Int)
    ) {
        self.now = now
        self.failedJobs = failedJobs
        self.checks = checks
        self.sources = sources
        self.today = today
    }
}
