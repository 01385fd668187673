import HoopcastCore
import HoopcastStore

/// Rows keyed by date, read incrementally across the dates of one process: for a date D, the rows of the
/// ``windowDays`` days before D, in date order (rows of one date in the order `read` gave them). Rows dated before the
/// previous date asked about are reused and only the dates since are read; asking about an earlier date than before
/// re-reads everything.
///
/// Rows of a date already read can change behind a long-running process (the box scores of yesterday arrive, a late
/// correction re-summarises an old game). Every write bumps a change counter per table and date
/// (``PartitionVersions``) and the caller passes the counters of the tables the rows come from: a date whose counter
/// differs from the one seen at its last read is read again, together with every later date.
public actor DatedCache<Row: Sendable> {
    /// How far back rows count.
    public let windowDays: Int

    /// The cached rows in date order, and their dates (parallel arrays: the rows are handed out without a copy).
    private var rows: [Row] = []
    private var dates: [GameDate] = []
    private var loadedBefore: GameDate?
    /// The change counters (by `YYYY-MM-DD`) as they were when the cached rows were read.
    private var seen: [String: Int] = [:]
    private let lock = AsyncLock()

    /// Creates an empty cache.
    public init(windowDays: Int) { self.windowDays = windowDays }

    /// The rows dated in [date − windowDays, date), reading only what is not cached, or changed since, with
    /// `read(from, before)`. `versions` are the change counters of the rows' tables by date (`YYYY-MM-DD`); a date
    /// missing from them counts as never written.
    public func rows(
        before date: GameDate, versions: [String: Int],
        read: @escaping @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]
    ) async throws -> [Row] {
        try await lock.withLock { try await self.load(before: date, versions: versions, read: read) }
    }

    private func load(
        before date: GameDate, versions: [String: Int],
        read: @Sendable (GameDate, GameDate) async throws -> [(date: GameDate, row: Row)]
    ) async throws -> [Row] {
        let windowStart = date.adding(days: -windowDays)
        var rereadFrom = windowStart
        if let previous = loadedBefore, previous <= date {
            rereadFrom = max(previous, windowStart)
            // A kept date whose rows changed since they were read is read again, with every date after it.
            for (text, version) in versions where seen[text] != version {
                guard let changed = GameDate(text), changed >= windowStart, changed < rereadFrom else { continue }
                rereadFrom = changed
            }
        }
        seen = versions
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
