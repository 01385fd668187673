import SQLKit
import SQLiteNIO

/// A multi-row `INSERT … ON CONFLICT (key) DO UPDATE` over bound parameters: the idempotent write of every layer.
///
/// Rows are sent in chunks small enough for the engine's parameter limit. Table and column names are identifiers
/// from code (quoted by the dialect); every value is a bind.
public struct BulkUpsert: Sendable {
    /// The target table.
    public let table: String
    /// All columns written, in row order.
    public let columns: [String]
    /// The natural-key columns (a UNIQUE constraint or primary key on the table).
    public let key: [String]

    /// The most parameters one statement may carry (SQLite's default limit is 32,766; PostgreSQL's 65,535).
    public static let maxParameters = 30_000

    /// A plain multi-row insert (for tables with a surrogate id and no natural key, such as logs).
    public static func insertOnly(table: String, columns: [String]) -> BulkUpsert {
        BulkUpsert(table: table, columns: columns, key: [])
    }

    /// Creates an upsert; `key` must be a subset of `columns` (empty: plain insert).
    public init(table: String, columns: [String], key: [String]) {
        precondition(Set(key).isSubset(of: columns), "key columns must be written")
        self.table = table
        self.columns = columns
        self.key = key
    }

    /// Writes `rows` (each with one value per column); returns the number of rows sent.
    @discardableResult
    public func run(_ rows: [[SQLValue]], on db: any SQLDatabase) async throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let chunkSize = max(1, BulkUpsert.maxParameters / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + chunkSize)
            try await db.execute(sql: Statement(upsert: self, rows: rows[start..<end])) { _ in }
            start = end
        }
        return rows.count
    }

    struct Statement: SQLExpression, SQLiteDirectStatement {
        let upsert: BulkUpsert
        let rows: ArraySlice<[SQLValue]>

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write("INSERT INTO ")
            SQLIdentifier(upsert.table).serialize(to: &serializer)
            serializer.write(" (")
            writeList(upsert.columns, to: &serializer)
            serializer.write(") VALUES ")
            var firstRow = true
            for row in rows {
                precondition(row.count == upsert.columns.count, "row width must match the column list")
                serializer.write(firstRow ? "(" : ", (")
                firstRow = false
                for (index, value) in row.enumerated() {
                    if index > 0 { serializer.write(", ") }
                    serializer.write(bind: value)
                }
                serializer.write(")")
            }
            guard !upsert.key.isEmpty else { return }
            serializer.write(" ON CONFLICT (")
            writeList(upsert.key, to: &serializer)
            let updated = upsert.columns.filter { !upsert.key.contains($0) }
            if updated.isEmpty {
                serializer.write(") DO NOTHING")
                return
            }
            serializer.write(") DO UPDATE SET ")
            for (index, column) in updated.enumerated() {
                if index > 0 { serializer.write(", ") }
                SQLIdentifier(column).serialize(to: &serializer)
                serializer.write(" = excluded.")
                SQLIdentifier(column).serialize(to: &serializer)
            }
        }

        /// The same statement as ``serialize(to:)`` writes through SQLKit, as SQLite text for one row with anonymous
        /// placeholders, and each row's binds converted directly: run once per row, it writes what the multi-row
        /// statement writes (SQLite applies a multi-row insert and its conflict clause row by row, in order).
        func sqliteStatement() -> (sql: String, rows: [[SQLiteData]]) {
            let columns = upsert.columns.map(String.sqliteIdentifier)
            var sql =
                "INSERT INTO " + .sqliteIdentifier(upsert.table) + " (" + columns.joined(separator: ", ")
                + ") VALUES (" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            if !upsert.key.isEmpty {
                sql += " ON CONFLICT (" + upsert.key.map(String.sqliteIdentifier).joined(separator: ", ")
                let updated = upsert.columns.filter { !upsert.key.contains($0) }.map(String.sqliteIdentifier)
                sql +=
                    updated.isEmpty
                    ? ") DO NOTHING"
                    : ") DO UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            }
            let binds = rows.map { row in
                precondition(row.count == columns.count, "row width must match the column list")
                return row.map { $0.sqliteData ?? .null }
            }
            return (sql, binds)
        }

        private func writeList(_ names: [String], to serializer: inout SQLSerializer) {
            for (index, name) in names.enumerated() {
                if index > 0 { serializer.write(", ") }
                SQLIdentifier(name).serialize(to: &serializer)
            }
        }
    }
}
