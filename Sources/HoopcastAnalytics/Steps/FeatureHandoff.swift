import HoopcastCore
import HoopcastStore
import SQLKit

/// The feature rows a `features.player_market` job has just committed for a date, handed to the steps of the same
/// process that read them next — `check.features` at once, `predict.systems` when the backfill's sequential chain
/// (predict → check → grade → the next date's predict) reaches the date — instead of each reading them again
/// (a ``PartitionHandoff``).
///
/// The feature step reads its partition back once after its commit, through ``FeatureReader/rows(on:)`` itself, so
/// an entry is exactly what a read returns. The read-back runs beside the chain (features run many dates ahead of
/// the predictions) and takes ~20 ms a date off it.
public final class FeatureHandoff: Sendable {
    /// Dates kept: in a first backfill the features run up to ~40 dates ahead of the predictions; a date is ~1 MB.
    public static let capacity = 64

    private let partitions = PartitionHandoff<StoredFeatureRow>(
        table: FeatureReader.table, capacity: FeatureHandoff.capacity)

    /// An empty hand-over.
    public init() {}

    /// Reads `date`'s rows back after a commit that left its partition counter at `version`, and keeps them.
    func keep(date: GameDate, committedAt version: Int, db: any SQLDatabase) async throws {
        partitions.keep(
            try await FeatureReader(db: db).rows(on: date), date: date.description, committedAt: version)
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
