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

    /// Creates a writer of `table`, which must have `content_hash` and `run_id` text columns.
    public init(_ table: TableDescription) {
        self.table = table.name
        self.columns = table.columns
        self.key = table.key
    }

    /// What a replacement changed.
    public struct Result: Sendable, Hashable {
        /// Rows inserted or updated.
        public var written: Int
        /// Rows deleted because they are no longer produced.
        public var deleted: Int
    }

    /// Replaces the partition selected by `partition` (column = value for each pair) with `rows` (each in ``columns``
    /// order, all inside that partition), in a transaction of its own.
    public func replace(
        partition: [(column: String, value: SQLValue)], with rows: [[SQLValue]], runID: String,
        in store: Store
    ) async throws -> Result {
        let write = try await plan(partition: partition, with: rows, runID: runID, in: store)
        try await store.transaction { db in try await write.apply(on: db) }
        return write.result
    }

    /// Works out what replacing the partition changes, without writing: apply the result with
    /// ``PartitionWrite/apply(on:)`` inside the transaction that should hold it.
    public func plan(
        partition: [(column: String, value: SQLValue)], with rows: [[SQLValue]], runID: String,
        in store: Store
    ) async throws -> PartitionWrite {
        try await plan(partition: partition, with: rows, runID: runID, reading: store.sql)
    }

    /// ``plan(partition:with:runID:in:)`` reading the stored rows through `db` (a transaction that will apply it).
    public func plan(
        partition: [(column: String, value: SQLValue)], with rows: [[SQLValue]], runID: String,
        reading db: any SQLDatabase
    ) async throws -> PartitionWrite {
        // The content hash covers every column, key included, so a new row whose hash is stored is unchanged. Only
        // the hashes are read (one column per row); keys are read only for stored rows that match no new row.
        var select = db.select().column("content_hash").from(table)
        for (column, value) in partition { select = select.where(SQLIdentifier(column), .equal, value) }
        var unmatched = Set(try await select.all().map { try $0.value("content_hash", as: String.self) })
        var changed: [[SQLValue]] = []
        for row in rows {
            let hash = ContentHash.of(row)
            if unmatched.remove(hash) != nil { continue }
            changed.append(row + [.text(hash), .text(runID)])
        }
        // Stored rows matching no new row were either changed (overwritten by the upsert) or are no longer produced.
        // (Keys are built only then: a first write or an unchanged re-run has no such rows.)
        let positions = key.map { column in columns.firstIndex(of: column.name)! }
        let produced = unmatched.isEmpty ? [] : Set(rows.map { row in NaturalKey.make(positions.map { row[$0] }) })
        var vanished: [[SQLValue]] = []
        for hashes in Array(unmatched).chunked(into: 500) {
            var keys = db.select().from(table)
            for column in key { keys = keys.column(SQLIdentifier(column.name)) }
            for (column, value) in partition { keys = keys.where(SQLIdentifier(column), .equal, value) }
            keys = keys.where(SQLIdentifier("content_hash"), .in, SQLBind.group(Array(hashes)))
            for row in try await keys.all() {
                let values = try NaturalKey.values(of: row, columns: key)
                if !produced.contains(NaturalKey.make(values)) { vanished.append(values) }
            }
        }
        let date = partition.first { $0.column == "game_date" }.flatMap { pair -> String? in
            if case .text(let text) = pair.value { return text }
            return nil
        }
        return PartitionWrite(writer: self, changed: changed, vanished: vanished, partitionDate: date)
    }
}

/// The rows a partition replacement upserts and deletes, ready to apply in a transaction.
public struct PartitionWrite: Sendable {
    let writer: PartitionWriter
    let changed: [[SQLValue]]
    let vanished: [[SQLValue]]
    /// The partition's `game_date`, whose change counter (``PartitionVersions``) a non-empty write bumps.
    let partitionDate: String?

    /// By how much ``apply(on:)`` moves the partition's change counter: 1 when it changes anything, else 0.
    public var bumps: Int { partitionDate != nil && (!changed.isEmpty || !vanished.isEmpty) ? 1 : 0 }

    /// Rows deleted per statement.
    static let deleteBatch = 200

    /// What applying it changes.
    public var result: PartitionWriter.Result { .init(written: changed.count, deleted: vanished.count) }

    /// Deletes the vanished rows (``deleteBatch`` keys a statement) and upserts the changed ones through `db` (the
    /// caller's transaction), and bumps the partition's change counter when anything changed.
    public func apply(on db: any SQLDatabase) async throws {
        for batch in vanished.chunked(into: PartitionWrite.deleteBatch) {
            // DELETE … WHERE (k1 = ? AND k2 = ?) OR (…): every value bound, identifiers from code.
            var query = SQLQueryString("DELETE FROM \(unsafeRaw: writer.table) WHERE ")
            for (rowIndex, values) in batch.enumerated() {
                query.appendLiteral(rowIndex == 0 ? "(" : " OR (")
                for (columnIndex, (column, value)) in zip(writer.key, values).enumerated() {
                    if columnIndex > 0 { query.appendLiteral(" AND ") }
                    query.appendInterpolation(unsafeRaw: column.name)
                    query.appendLiteral(" = ")
                    query.appendInterpolation(bind: value)
                }
                query.appendLiteral(")")
            }
            try await db.raw(query).run()
        }
        let upsert = BulkUpsert(
            table: writer.table, columns: writer.columns + ["content_hash", "run_id"],
            key: writer.key.map(\.name))
        try await upsert.run(changed, on: db)
        if let partitionDate, !changed.isEmpty || !vanished.isEmpty {
            try await PartitionVersions.bump(writer.table, dates: [partitionDate], on: db)
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        Swift.stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
