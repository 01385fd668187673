import HoopcastCore

/// What a parser may know besides the body: the partition date and when the payload was fetched.
public struct ParseContext: Sendable, Hashable {
    /// The date the payload was fetched for.
    public var date: GameDate
    /// When it was fetched, ISO-8601 UTC (`2024-01-25T03:55:40Z`).
    public var fetchedAt: String
    /// Whether whole-season payloads (the schedule) keep only ``date``'s games (true when ingesting a date; false
    /// when replaying a single file without `--date`).
    public var limitToDate: Bool

    /// Creates a context.
    public init(date: GameDate, fetchedAt: String, limitToDate: Bool = true) {
        self.date = date
        self.fetchedAt = fetchedAt
        self.limitToDate = limitToDate
    }
}
