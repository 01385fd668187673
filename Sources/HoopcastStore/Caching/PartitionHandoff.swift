import SQLKit

/// The rows of one date's partition that a step has just committed, handed to the steps of the same process that
/// read them next instead of their reading them back from the store.
///
/// An entry is tagged with the partition's change counter (``PartitionVersions``) as the commit left it. A reader
/// reads the counter first and gets the entry only while it is unchanged: any later write of the date — a re-run,
/// another worker or process, a repair through a writer — moves it, and the reader then reads the store. Counters
/// only grow, so an entry whose rows were read after such a write can never be served either. A step run in another
/// process simply finds nothing handed over. `FeatureHandoff` and `PredictionHandoff` are the two uses.
public final class PartitionHandoff<Row: Sendable>: Sendable {
    /// The table whose partitions are handed over.
    public let table: String
    private let cache: VersionedCache<String, [Row]>

    /// An empty hand-over of `table`'s partitions, keeping at most `capacity` dates.
    public init(table: String, capacity: Int) {
        self.table = table
        self.cache = VersionedCache(capacity: capacity)
    }

    /// Keeps `rows`, the whole partition of `date` (`YYYY-MM-DD`) as committed at partition counter `version`
    /// (``PartitionVersions/version(of:date:on:)`` read inside the commit).
    public func keep(_ rows: [Row], date: String, committedAt version: Int) {
        cache.store(rows, for: date, versions: [date: version])
    }

    /// The rows kept for `date` when its partition is still as their commit left it; nil otherwise.
    public func handed(date: String, db: any SQLDatabase) async throws -> [Row]? {
        cache.value(date, versions: [date: try await PartitionVersions.version(of: table, date: date, on: db)])
    }
}
