import HoopcastCore
import HoopcastStore

/// Rows keyed by date, read incrementally across the dates of one process: for a date D, the rows of the
/// ``windowDays`` days before D, in date order (rows of one date in the order `read` gave them). Rows older than ``recentDays`` before the previous date asked about are reused;
/// the rest is re-read; asking about an earlier date than before re-reads everything. Exact as long as old rows do
/// not change behind the process's back (true within a backfill, which moves forward in time).
public actor DatedCache<Row: Sendable> {
    /// How far back rows count.
    public let windowDays: Int
    /// Days before the previous date that are always re-read.
    public let recentDays: Int

    /// The cached rows in date order, and their dates (parallel arrays: the rows are handed out without a copy).
    private var rows: [Row] = []
    private var dates: [GameDate] = []
    private var loadedBefore: GameDate?
    private let lock = AsyncLock()

    /// Creates an empty cache.
    public init(windowDays: Int, recentDays: Int = 3) {
        self.windowDays = windowDays
        self.recentDays = recentDays
    }

    /// The rows dated in [date − windowDays, date), reading only what is not cached with `read(from, before)`.
    public func rows(
        before date: GameDate,
        read: @escaping @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]
    ) async throws -> [Row] {
        try await lock.withLock { try await self.load(before: date, read: read) }
    }

    private func load(
        before date: GameDate,
        read: @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]
    ) async throws -> [Row] {
        let windowStart = date.adding(days: -windowDays)
        var rereadFrom = windowStart
        if let previous = loadedBefore, previous <= date {
            rereadFrom = max(previous.adding(days: -recentDays), windowStart)
        }
        // A stable sort: rows of one date keep the order `read` gave them.
        let fresh = try await read(rereadFrom, date).enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        // Keep [windowStart, rereadFrom): the rows are in date order, so that is one contiguous run.
        let keepFrom = firstIndex(notBefore: windowStart), keepTo = max(keepFrom, firstIndex(notBefore: rereadFrom))
        rows.removeSubrange(keepTo...)
        dates.removeSubrange(keepTo...)
        rows.removeSubrange(..<keepFrom)
        dates.removeSubrange(..<keepFrom)
        rows.append(contentsOf: fresh.lazy.map(\.row))
        dates.append(contentsOf: fresh.lazy.map(\.date))
        loadedBefore = date
        return rows
    }

    /// The index of the first row dated on or after `date` (binary search over the sorted dates).
    private func firstIndex(notBefore date: GameDate) -> Int {
        var low = 0, high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
