import HoopcastCore
import HoopcastStore

/// Rows keyed by date, read incrementally across the dates of one process: for a date D, the rows of the
/// ``windowDays`` days before D. Rows older than ``recentDays`` before the previous date asked about are reused;
/// the rest is re-read; asking about an earlier date than before re-reads everything. Exact as long as old rows do
/// not change behind the process's back (true within a backfill, which moves forward in time).
public actor DatedCache<Row: Sendable> {
    /// How far back rows count.
    public let windowDays: Int
    /// Days before the previous date that are always re-read.
    public let recentDays: Int

    private var rows: [(date: GameDate, row: Row)] = []
    private var loadedBefore: GameDate?
    private let lock = AsyncLock()

    /// Creates an empty cache.
    public init(windowDays: Int, recentDays: Int = 3) {
        self.windowDays = windowDays
        self.recentDays = recentDays
    }

    /// The rows dated in [date − windowDays, date), reading only what is not cached with `read(from, before)`.
    public func rows(before date: GameDate,
                     read: @escaping @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]) async throws -> [Row] {
        try await lock.withLock { try await self.load(before: date, read: read) }
    }

    private func load(before date: GameDate,
                      read: @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]) async throws -> [Row] {
        let windowStart = date.adding(days: -windowDays)
        var rereadFrom = windowStart
        if let previous = loadedBefore, previous <= date {
            rereadFrom = max(previous.adding(days: -recentDays), windowStart)
        }
        let fresh = try await read(rereadFrom, date)
        rows = rows.filter { $0.date >= windowStart && $0.date < rereadFrom } + fresh
        loadedBefore = date
        return rows.map(\.row)
    }
}
