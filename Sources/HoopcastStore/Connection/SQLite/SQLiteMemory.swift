/// How an SQLite store holds the pages it reads: mapped from the file, or copied into a bounded page cache.
///
/// A pipeline run reads whole partitions once, so mapping the file saves a copy per page. A long-running server
/// re-reads little (its answers are cached above the store), and every mapped page it ever touched stays in its
/// resident memory; it copies pages into a cache of fixed size instead, leaving the file to the OS page cache.
/// PostgreSQL stores ignore it.
public struct SQLiteMemory: Sendable, Hashable {
    /// Bytes of the file SQLite may map (`PRAGMA mmap_size`); 0 reads every page through the page cache.
    public var mappedBytes: Int
    /// The page cache of the connection, in KiB (`PRAGMA cache_size = -N`).
    public var cacheKiB: Int

    /// Creates a setting; both values must not be negative.
    public init(mappedBytes: Int, cacheKiB: Int) {
        precondition(mappedBytes >= 0 && cacheKiB >= 0)
        self.mappedBytes = mappedBytes
        self.cacheKiB = cacheKiB
    }

    /// Batch work (import, backfill, evaluate, tests): the whole file mapped (up to 4 GiB), a 64 MiB cache.
    public static let batch = SQLiteMemory(mappedBytes: 4 << 30, cacheKiB: 64 << 10)
    /// A long-running server: nothing mapped, a 16 MiB cache per connection.
    public static let server = SQLiteMemory(mappedBytes: 0, cacheKiB: 16 << 10)

    /// The pragmas that apply it (numbers only, never text from input).
    var pragmas: [String] { ["PRAGMA cache_size = -\(cacheKiB)", "PRAGMA mmap_size = \(mappedBytes)"] }
}
