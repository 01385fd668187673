import Foundation
import SQLKit

/// Staging → consolidation for a derived table: writers stage each computed partition as a batch in a staging
/// table, and one consolidation (under a lock the caller holds) merges the newest batch of a partition into the final
/// table, entirely in SQL:
///
/// - rows whose content hash is unchanged are left alone (run id included), changed and new rows are upserted on the
///   natural key, rows of the partition the batch no longer has are deleted;
/// - the partition's staged batches up to the merged one are then removed, so a later consolidation of the same
///   partition finds nothing to do and changes nothing.
///
/// Both operations run inside the caller's transaction: a stage lands with its job's acknowledgement, a merge lands
/// whole or not at all.
public struct StagedPartitionWriter: Sendable {
    /// The final table (with `content_hash` and `run_id` text columns).
    public let table: String
    /// The staging table: the data columns plus `content_hash`, `run_id` and `batch_id`.
    public let staging: String
    /// The data columns in row order, without `content_hash` and `run_id`.
    public let columns: [String]
    /// The natural key (a subset of ``columns``; the final table's primary key).
    public let key: [String]

    /// Creates a writer.
    public init(table: String, staging: String, columns: [String], key: [String]) {
        precondition(Set(key).isSubset(of: columns))
        self.table = table
        self.staging = staging
        self.columns = columns
        self.key = key
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
        try await db.raw("""
            INSERT INTO ops_staging_batches (batch_id, target_table, partition_key, rows_staged, run_id, staged_at)
            VALUES (\(bind: batchID), \(bind: table), \(bind: StagedPartitionWriter.partitionKey(partition)),
                \(bind: rows.count), \(bind: runID), \(bind: Date().formatted(.iso8601)))
            """).run()
        let insert = BulkUpsert.insertOnly(table: staging, columns: ["batch_id"] + columns + ["content_hash", "run_id"])
        try await insert.run(rows.map { [.text(batchID)] + $0 + [.text(ContentHash.of($0)), .text(runID)] }, on: db)
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
        let staged = try await db.raw("""
            SELECT COUNT(*) AS n FROM \(ident: staging) WHERE batch_id = \(bind: batch.batchID)
            """).first().map { try $0.value("n", as: Int.self) } ?? 0
        guard staged == batch.rows else {
            throw StoreError(.decodingFailed, """
                staging batch \(batch.batchID) of \(table) has \(staged) rows in \(staging), its record says \(batch.rows)
                """)
        }
        let all = columns + ["content_hash", "run_id"]
        let updates = SQLList(all.filter { !key.contains($0) }.map { column in
            SQLQueryString("\(ident: column) = excluded.\(ident: column)")
        })
        // `WHERE batch_id = …` also settles SQLite's parse of INSERT … SELECT … ON CONFLICT.
        let written = try await changedRows(on: db, """
            INSERT INTO \(ident: table) (\(idents: all, joinedBy: ", "))
            SELECT \(idents: all, joinedBy: ", ") FROM \(ident: staging) WHERE batch_id = \(bind: batch.batchID)
            ON CONFLICT (\(idents: key, joinedBy: ", ")) DO UPDATE SET \(updates)
            WHERE \(ident: table).content_hash <> excluded.content_hash
            """)
        let inPartition = SQLList(partition.map { SQLQueryString("\(ident: $0.column) = \(bind: $0.value)") },
                                  separator: SQLRaw(" AND "))
        let sameKey = SQLList(key.map { SQLQueryString("s.\(ident: $0) = \(ident: table).\(ident: $0)") },
                              separator: SQLRaw(" AND "))
        let deleted = try await changedRows(on: db, """
            DELETE FROM \(ident: table) WHERE \(inPartition)
              AND NOT EXISTS (SELECT 1 FROM \(ident: staging) s WHERE s.batch_id = \(bind: batch.batchID) AND \(sameKey))
            """)
        let cleared = try await db.raw("""
            DELETE FROM ops_staging_batches
            WHERE target_table = \(bind: table) AND partition_key = \(bind: StagedPartitionWriter.partitionKey(partition))
              AND id <= \(bind: sequence)
            RETURNING batch_id
            """).all().map { try $0.value("batch_id", as: String.self) }
        try await db.raw("DELETE FROM \(ident: staging) WHERE batch_id IN (\(binds: cleared))").run()
        return Merge(batch: batch, written: written, deleted: deleted, batchesCleared: cleared.count)
    }

    /// Runs a data-changing statement and returns how many rows it changed, without streaming them back:
    /// `changes()` on SQLite, a counting CTE over `RETURNING` on PostgreSQL.
    private func changedRows(on db: any SQLDatabase, _ statement: SQLQueryString) async throws -> Int {
        if db.dialect.name == "sqlite" {
            try await db.raw(statement).run()
            return try await db.raw("SELECT changes() AS n").first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
        return try await db.raw("WITH changed AS (\(statement) RETURNING 1) SELECT COUNT(*) AS n FROM changed").first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }
}
