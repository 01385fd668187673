import HoopcastCore

/// What the admin routes do that needs the pipeline's definition (which lives with the CLI): queueing a date range.
public struct AdminActions: Sendable {
    /// Queues the daily pipeline for every date with games in `from…to` (re-opening done jobs when `force`); returns
    /// the dates and the jobs queued.
    public var queueRun:
        @Sendable (_ from: GameDate, _ to: GameDate, _ force: Bool) async throws -> (dates: Int, jobs: Int)

    public init(
        queueRun:
            @escaping @Sendable (_ from: GameDate, _ to: GameDate, _ force: Bool) async throws -> (
                dates: Int, jobs: Int
            )
    ) {
        self.queueRun = queueRun
    }
}
