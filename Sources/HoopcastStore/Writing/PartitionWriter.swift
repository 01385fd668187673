import SQLKit

/// Replaces the rows of one partition (for example one `game_date` and feature version) of a derived table with a newly computed set:
/// rows whose content hash is unchanged are left alone (run id included), changed and new rows are upserted, rows
/// that are no longer produced are deleted — all in one transaction. Re-running a step therefore leaves identical
/// rows, and a step reports how many rows it really changed.
public struct PartitionWriter: Sendable {
    /// The table.
    public let table: String
    /// The data columns in row order, without `content_hash` and `run_id` (appended by the writer).
    public let columns: [String]
    /// The natural key (a subset of ``columns``) with its column types.
    public let key: [(name: String, type: KeyColumnType)]

    /// Creates a writer; the table must have `content_hash` and `run_id` text columns.
    public init(table: String, columns: [String], key: [(name: String, type: KeyColumnType)]) {
        precondition(Set(key.map(\.name)).isSubset(of: columns))
        self.table = table
        self.columns = columns
        self.key = key
    }

    /// What a replacement changed.
    public struct Result: Sendable, Hashable {
        /// Rows inserted or updated.
        public var written: Int
        /// Rows deleted because they are no longer produced.
        public var deleted: Int
    }

    /// Replaces the partition selected by `partition` (column = value for each pair) with `rows` (each in ``columns``
    /// order, all inside that partition).
    public func replace(partition: [(column: String, value: SQLValue)], with rows: [[SQLValue]], runID: String,
                        in store: Store) async throws -> Result {
        var stored: [String: (hash: String, key: [SQLValue])] = [:]
        var select = store.sql.select().column("content_hash").from(table)
        for (column, value) in partition { select = select.where(SQLIdentifier(column), .equal, value) }
        for column in key { select = select.column(SQLIdentifier(column.name)) }
        for row in try await select.all() {
            let values = try NaturalKey.values(of: row, columns: key)
            stored[NaturalKey.make(values)] = (try row.value("content_hash", as: String.self), values)
        }
        let positions = key.map { column in columns.firstIndex(of: column.name)! }
        var changed: [[SQLValue]] = []
        var produced: Set<String> = []
        for row in rows {
            let naturalKey = NaturalKey.make(positions.map { row[$0] })
            produced.insert(naturalKey)
            let hash = ContentHash.of(row)
            if stored[naturalKey]?.hash == hash { continue }
            changed.append(row + [.text(hash), .text(runID)])
        }
        let vanished = stored.filter { !produced.contains($0.key) }.map(\.value.key)
        let upsert = BulkUpsert(table: table, columns: columns + ["content_hash", "run_id"], key: key.map(\.name))
        let (table, key) = (table, key)
        try await store.transaction { [changed] db in
            for values in vanished {
                var delete = db.delete(from: table)
                for (column, value) in zip(key, values) { delete = delete.where(SQLIdentifier(column.name), .equal, value) }
                try await delete.run()
            }
            try await upsert.run(changed, on: db)
        }
        return Result(written: changed.count, deleted: vanished.count)
    }
}
