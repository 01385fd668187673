import SQLKit

/// The rows of one date's partition that a step has just committed, handed to the steps of the same process that
/// read them next instead of their reading them back from the store.
///
/// An entry is tagged with the partition's change counter (``PartitionVersions``) as the commit left it. A reader
/// reads the counter first and gets the entry only while it is unchanged: any later write of the date — a re-run,
/// another worker or process, a repair through a writer — moves it, and the reader then reads the store. Counters
/// only grow, so an entry whose rows were read after such a write can never be served either. And an entry is kept
/// only when the step's commit moved the counter alone (``wroteAlone(planned:committed:bumps:)``): a write of the
/// date by another process between the step's plan and its commit would leave the store holding rows the step did
/// not write, under the counter its commit read. A step run in another process simply finds nothing handed over. `FeatureHandoff` and `PredictionHandoff` are the two uses.
public final class PartitionHandoff<Row: Sendable>: Sendable {
    /// The table whose partitions are handed over.
    public let table: String
    private let cache: VersionedCache<String, [Row]>

    /// An empty hand-over of `table`'s partitions, keeping at most `capacity` dates.
    public init(table: String, capacity: Int) {
        self.table = table
        self.cache = VersionedCache(capacity: capacity)
    }

    /// Keeps `rows`, the whole partition of `date` (`YYYY-MM-DD`) as a step wrote it, when nothing else wrote the
    /// date meanwhile: `planned` is the partition's counter read before the step read the rows its write was planned
    /// from, `committed` the counter read inside its commit after the write, and `bumps` what the write itself added
    /// (``PartitionWrite/bumps``). Counters only grow and every write of the date moves them, so
    /// `committed == planned + bumps` means the store holds exactly `rows`; otherwise nothing is kept and readers
    /// read the store.
    public func keep(_ rows: [Row], date: String, planned: Int, committed: Int, bumps: Int) {
        guard PartitionHandoff.wroteAlone(planned: planned, committed: committed, bumps: bumps) else { return }
        cache.store(rows, for: date, versions: [date: committed])
    }

    /// Whether a step's write was the only one to the date between the counter read before its plan (`planned`) and
    /// the one read in its commit (`committed`), its own write adding `bumps`: then the store holds what it wrote.
    static func wroteAlone(planned: Int, committed: Int, bumps: Int) -> Bool {
        committed == planned + bumps
    }

    /// The rows kept for `date` when its partition is still as their commit left it; nil otherwise.
    public func handed(date: String, db: any SQLDatabase) async throws -> [Row]? {
        cache.value(date, versions: [date: try await PartitionVersions.version(of: table, date: date, on: db)])
    }
}
