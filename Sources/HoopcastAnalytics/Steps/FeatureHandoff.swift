import HoopcastCore
import HoopcastStore
import SQLKit

/// The feature rows a `features.player_market` job has just committed for a date, handed to the steps of the same
/// process that read them next — `check.features` at once, `predict.systems` when the backfill's sequential chain
/// (predict → check → grade → the next date's predict) reaches the date — instead of each reading them again
/// (a ``PartitionHandoff``).
///
/// An entry is the rows the step wrote, as a read would return them (``StoredFeatureRow/asRead``: every feature
/// present, zeros without their sign) and in ``FeatureReader/rows(on:)``'s order; `FeatureHandoffTests` compares
/// every stored value's text with the store's on real dates. A date with a row holding a NaN is not handed over
/// (SQLite stores NaN as NULL, PostgreSQL keeps it): its readers read the store.
public final class FeatureHandoff: Sendable {
    /// Dates kept: in a first backfill the features run up to ~40 dates ahead of the predictions; a date is ~1 MB.
    public static let capacity = 64

    private let partitions = PartitionHandoff<StoredFeatureRow>(
        table: FeatureReader.table, capacity: FeatureHandoff.capacity)

    /// An empty hand-over.
    public init() {}

    /// Keeps `rows`, the whole partition of `date` as the feature step wrote it — when nothing else wrote the date
    /// between the step's planning and its commit (``PartitionHandoff/keep(_:date:planned:committed:bumps:)``) and
    /// no row holds a NaN.
    func deposit(_ rows: [StoredFeatureRow], date: GameDate, planned: Int, committed: Int, bumps: Int) {
        var read: [StoredFeatureRow] = []
        read.reserveCapacity(rows.count)
        for row in rows {
            guard let stored = row.asRead else { return }
            read.append(stored)
        }
        partitions.keep(
            read.sorted(by: FeatureReader.inReadOrder), date: date.description, planned: planned,
            committed: committed, bumps: bumps)
    }

    /// The date's rows as ``FeatureReader/rows(on:)`` returns them now: from the hand-over while the partition is as
    /// the feature step committed it, from the store otherwise.
    public func rows(on date: GameDate, db: any SQLDatabase) async throws -> [StoredFeatureRow] {
        if let handed = try await handed(on: date, db: db) { return handed }
        return try await FeatureReader(db: db).rows(on: date)
    }

    /// The handed-over rows of `date` when they are still what the store holds; nil otherwise.
    public func handed(on date: GameDate, db: any SQLDatabase) async throws -> [StoredFeatureRow]? {
        try await partitions.handed(date: date.description, db: db)
    }
}
