import Foundation
import SQLKit

/// Staging → consolidation for a derived table: writers stage each computed partition as a batch, and one
/// consolidation (under a lock the caller holds) merges the newest batch of a partition into the final table:
///
/// - a batch is one row of `ops_staging_batches` whose `payload` holds all of its rows (``StagedRowsCodec``), so
///   staging costs one insert, not one per row;
/// - the merge leaves rows whose content hash is unchanged alone (run id included), upserts changed and new rows on
///   the natural key and deletes rows of the partition the batch no longer has (``PartitionWriter``'s diff, read
///   and applied in the merge's transaction);
/// - the partition's staged batches up to the merged one are then removed, so a later consolidation of the same
///   partition finds nothing to do and changes nothing.
///
/// Both operations run inside the caller's transaction: a stage lands with its job's acknowledgement, a merge lands
/// whole or not at all.
public struct StagedPartitionWriter: Sendable {
    /// The diff writer of the final table.
    public let final: PartitionWriter

    /// The final table (with `content_hash` and `run_id` text columns).
    public var table: String { final.table }
    /// The data columns in row order, without `content_hash` and `run_id`.
    public var columns: [String] { final.columns }

    /// Creates a writer for `table`; `key` is its natural key (a subset of `columns`) with the column types.
    public init(table: String, columns: [String], key: [(name: String, type: KeyColumnType)]) {
        final = PartitionWriter(table: table, columns: columns, key: key)
    }

    /// A batch as recorded in `ops_staging_batches`.
    public struct Batch: Sendable, Hashable {
        public let batchID: String
        public let rows: Int
        public let runID: String
    }

    /// What a consolidation changed in the final table.
    public struct Merge: Sendable, Hashable {
        /// The batch merged.
        public let batch: Batch
        /// Rows inserted or updated.
        public let written: Int
        /// Rows deleted because the batch no longer has them.
        public let deleted: Int
        /// Staged batches cleared (the merged one and any older ones).
        public let batchesCleared: Int
    }

    /// The text naming one partition in `ops_staging_batches` (`game_date=2024-01-15|feature_version=v3`).
    public static func partitionKey(_ partition: [(column: String, value: SQLValue)]) -> String {
        partition.map { "\($0.column)=\(NaturalKey.make([$0.value]))" }.joined(separator: "|")
    }

    /// Stages `rows` (each in ``columns`` order, all inside `partition`) as a new batch; returns its id.
    @discardableResult
    public func stage(partition: [(column: String, value: SQLValue)], rows: [[SQLValue]], runID: String,
                      on db: any SQLDatabase) async throws -> String {
        let batchID = UUID().uuidString
        let payload = StagedRowsCodec.encode(rows, width: columns.count)
        try await db.raw("""
            INSERT INTO ops_staging_batches (batch_id, target_table, partition_key, rows_staged, run_id, staged_at, payload)
            VALUES (\(bind: batchID), \(bind: table), \(bind: StagedPartitionWriter.partitionKey(partition)),
                \(bind: rows.count), \(bind: runID), \(bind: Date().formatted(.iso8601)), \(bind: payload))
            """).run()
        return batchID
    }

    /// The newest staged batch of the partition, nil when nothing is staged.
    public func newestBatch(partition: [(column: String, value: SQLValue)], on db: any SQLDatabase) async throws
        -> (batch: Batch, sequence: Int)? {
        guard let row = try await db.raw("""
            SELECT id, batch_id, rows_staged, run_id FROM ops_staging_batches
            WHERE target_table = \(bind: table) AND partition_key = \(bind: StagedPartitionWriter.partitionKey(partition))
            ORDER BY id DESC LIMIT 1
            """).first() else { return nil }
        let batch = Batch(batchID: try row.value("batch_id"), rows: try row.value("rows_staged"),
                          runID: try row.value("run_id"))
        return (batch, try row.value("id"))
    }

    /// Merges the partition's newest batch into the final table and clears the partition's staging; nil when nothing
    /// is staged (another consolidation already merged it). Run it under the partition's consolidation lock, inside
    /// the transaction that verifies the lock.
    public func consolidate(partition: [(column: String, value: SQLValue)], on db: any SQLDatabase) async throws -> Merge? {
        precondition(!partition.isEmpty, "a consolidation merges one partition")
        guard let (batch, sequence) = try await newestBatch(partition: partition, on: db) else { return nil }
        let rows = try await stagedRows(of: batch, on: db)
        let write = try await final.plan(partition: partition, with: rows, runID: batch.runID, reading: db)
        try await write.apply(on: db)
        let cleared = try await db.raw("""
            DELETE FROM ops_staging_batches
            WHERE target_table = \(bind: table) AND partition_key = \(bind: StagedPartitionWriter.partitionKey(partition))
              AND id <= \(bind: sequence)
            RETURNING batch_id
            """).all().count
        return Merge(batch: batch, written: write.result.written, deleted: write.result.deleted, batchesCleared: cleared)
    }

    /// The rows of a staged batch, checked against its record.
    private func stagedRows(of batch: Batch, on db: any SQLDatabase) async throws -> [[SQLValue]] {
        let context = "staging batch \(batch.batchID) of \(table)"
        guard let row = try await db.raw("SELECT payload FROM ops_staging_batches WHERE batch_id = \(bind: batch.batchID)")
            .first() else { throw StoreError(.decodingFailed, "\(context) vanished while being merged") }
        guard let payload = try row.value("payload", as: Data?.self) else {
            throw StoreError(.decodingFailed, """
                \(context) was staged by an older hoopcast (rows in a staging table, no payload); \
                re-run the date so that it is staged again
                """)
        }
        let rows = try StagedRowsCodec.decode(payload, width: columns.count, context: context)
        guard rows.count == batch.rows else {
            throw StoreError(.decodingFailed, "\(context) holds \(rows.count) rows, its record says \(batch.rows)")
        }
        return rows
    }
}
