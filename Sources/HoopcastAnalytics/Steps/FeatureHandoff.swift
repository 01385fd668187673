import HoopcastCore
import HoopcastStore
import SQLKit

/// The feature rows a `features.player_market` job has just committed for a date, handed to the steps of the same
/// process that read them next — `check.features` at once, `predict.systems` when the backfill's sequential chain
/// (predict → check → grade → the next date's predict) reaches the date — instead of each reading them again.
///
/// The feature step reads its partition back once after its commit, through ``FeatureReader/rows(on:)`` itself, so
/// an entry is exactly what a read returns; it keeps it only when the partition's change counter
/// (``PartitionVersions``) is still the one its commit left. A reader first reads the counter: any later write of the
/// date — a re-run, another worker or process — moves it, and the reader then reads the store as before. The read-back
/// runs beside the chain (features run many dates ahead of the predictions), and takes ~20 ms a date off it.
public final class FeatureHandoff: Sendable {
    /// Dates kept: in a first backfill the features run up to ~40 dates ahead of the predictions; a date is ~1 MB.
    public static let capacity = 64

    private let cache = VersionedCache<GameDate, [StoredFeatureRow]>(capacity: FeatureHandoff.capacity)

    /// An empty hand-over.
    public init() {}

    /// The versions key of `date` at partition counter `version` (no key while the counter was never bumped, as
    /// ``PartitionVersions/read(_:from:before:on:)`` returns it).
    static func versions(_ date: GameDate, _ version: Int) -> [String: Int] {
        version > 0 ? [date.description: version] : [:]
    }

    /// Reads `date`'s rows back after a commit that left its partition counter at `version`, and keeps them while
    /// the counter has not moved since (a write in between leaves nothing kept, and readers read the store).
    func keep(date: GameDate, committedAt version: Int, db: any SQLDatabase) async throws {
        let rows = try await FeatureReader(db: db).rows(on: date)
        let now = try await current(date, db: db)
        guard now == Self.versions(date, version) else { return }
        cache.store(rows, for: date, versions: now)
    }

    /// The date's rows as ``FeatureReader/rows(on:)`` returns them now: from the hand-over while the partition is as
    /// the feature step committed it, from the store otherwise.
    public func rows(on date: GameDate, db: any SQLDatabase) async throws -> [StoredFeatureRow] {
        if let handed = try await handed(on: date, db: db) { return handed }
        return try await FeatureReader(db: db).rows(on: date)
    }

    /// The handed-over rows of `date` when they are still what the store holds; nil otherwise.
    public func handed(on date: GameDate, db: any SQLDatabase) async throws -> [StoredFeatureRow]? {
        cache.value(date, versions: try await current(date, db: db))
    }

    private func current(_ date: GameDate, db: any SQLDatabase) async throws -> [String: Int] {
        try await PartitionVersions.read(
            [FeatureReader.table], from: date.description, before: date.adding(days: 1).description, on: db)
    }
}
