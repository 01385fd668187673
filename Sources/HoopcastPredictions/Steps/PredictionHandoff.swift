import HoopcastCore
import HoopcastStore
import SQLKit

/// The predictions a `predict.systems` job has just committed for a date, handed to the steps that read them next in
/// the same process (`check.predictions`, `grade.predictions`) instead of being read back from the store (a
/// ``PartitionHandoff``).
///
/// An entry is the date's whole partition (the predict step replaces it) tagged with the partition's change counter
/// as its commit left it (``PartitionVersions``). A reader first reads the counter: any later write of the date — a
/// re-run, another worker or process, a repair by hand through the writers — moves it, and the reader then reads the
/// store as before. So the hand-over never returns what the store does not hold; it saves the read-back of ~8,400
/// rows a date on the backfill's sequential chain (predict → check → grade → the next date's predict).
///
/// The values are the ones written. SQLite stores a zero without its sign, so a prediction carrying −0.0 would come
/// back from the store as +0.0 but from here unchanged; `PredictionHandoffTests` compares every stored value's text
/// on real dates to show none does.
public final class PredictionHandoff: Sendable {
    /// Dates kept (a backfill reads each date's predictions within a few dates of writing them).
    public static let capacity = 8

    private let partitions = PartitionHandoff<PredictionRecord>(
        table: PredictionReader.table, capacity: PredictionHandoff.capacity)

    /// An empty hand-over.
    public init() {}

    /// Keeps `records`, the whole partition of `date` as the predict step wrote it, in the order of
    /// ``PredictionReader/rows(on:)`` — when nothing else wrote the date between the step's planning and its commit
    /// (``PartitionHandoff/keep(_:date:planned:committed:bumps:)``).
    func deposit(_ records: [PredictionRecord], date: GameDate, planned: Int, committed: Int, bumps: Int) {
        partitions.keep(
            records.sorted(by: PredictionReader.inReadOrder), date: date.description, planned: planned,
            committed: committed, bumps: bumps)
    }

    /// The date's predictions as ``PredictionReader/rows(on:)`` returns them now: from the hand-over while the
    /// partition is as the predict step committed it, from the store otherwise.
    public func rows(on date: GameDate, db: any SQLDatabase) async throws -> [PredictionRecord] {
        if let handed = try await handed(on: date, db: db) { return handed }
        return try await PredictionReader(db: db).rows(on: date)
    }

    /// The handed-over predictions of `date` when they are still what the store holds; nil otherwise.
    public func handed(on date: GameDate, db: any SQLDatabase) async throws -> [PredictionRecord]? {
        try await partitions.handed(date: date.description, db: db)
    }
}
