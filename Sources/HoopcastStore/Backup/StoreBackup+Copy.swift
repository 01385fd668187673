import SQLKit

extension StoreBackup {
    /// Copies every table of the SQLite store `source` into `target` in one transaction of the target, after
    /// checking both have the same tables and columns and that the target holds no rows (unless `force`, which
    /// deletes them first).
    static func copy(from source: Store, into target: Store, force: Bool) async throws {
        let tables = try await StoredTable.all(in: source).filter { $0.name != migrationsTable }
        let targetTables = try await StoredTable.all(in: target).filter { $0.name != migrationsTable }
        guard tables.map(\.name) == targetTables.map(\.name) else {
            throw BackupError(.schemaMismatch, "the backup's tables differ from those of \(target.location)")
        }
        for (table, other) in zip(tables, targetTables) where Set(table.columns) != Set(other.columns) {
            throw BackupError(.schemaMismatch, "table \(table.name) has other columns in \(target.location)")
        }
        var holding: [String] = []
        for table in targetTables
        where try await target.sql.raw(SQLQueryString("SELECT 1 AS one FROM \"" + table.name + "\" LIMIT 1")).first()
            != nil
        {
            holding.append(table.name)
        }
        if !holding.isEmpty && !force {
            throw BackupError(
                .targetNotEmpty,
                "\(target.location) already holds rows (\(holding.prefix(5).joined(separator: ", "))"
                    + "\(holding.count > 5 ? ", …" : "")); restore into an empty store, or pass --force to replace them"
            )
        }
        let dialect = target.dialect
        try await target.transaction { db in
            for table in targetTables.reversed() {
                try await db.raw(SQLQueryString("DELETE FROM \"" + table.name + "\"")).run()
            }
            for table in tables {
                var last = Int.min
                while true {
                    let select: String = table.selectAll.replacingOccurrences(
                        of: "SELECT ", with: "SELECT rowid AS hoopcast_rowid, ")
                    var query = SQLQueryString(select)
                    query.appendLiteral(" WHERE rowid > ")
                    query.appendInterpolation(bind: last)
                    query.appendLiteral(" ORDER BY rowid LIMIT ")
                    query.appendInterpolation(bind: batchRows)
                    let rows = try await source.sql.raw(query).all()
                    guard let tail = rows.last else { break }
                    last = try tail.value("hoopcast_rowid", as: Int.self)
                    try await insert(try rows.map { try table.values(of: $0) }, into: table, on: db, dialect: dialect)
                }
                if dialect == .postgres, table.columns.contains(where: { $0.name == "id" }) {
                    let quoted = "\"" + table.name + "\""
                    let reset: String =
                        "SELECT setval(pg_get_serial_sequence('" + quoted + "', 'id'), "
                        + "GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM " + quoted
                    try await db.raw(SQLQueryString(reset)).run()
                }
            }
        }
    }

    /// Copies every table of the PostgreSQL store `source` into the fresh SQLite store `snapshot`, reading all of
    /// them in one `REPEATABLE READ` transaction: one consistent snapshot while workers write.
    static func copyPostgres(_ source: Store, into snapshot: Store) async throws {
        guard try await schemaVersion(source) == schemaVersion(snapshot) else {
            throw BackupError(.schemaMismatch, "\(source.location) is at another schema version than this hoopcast")
        }
        let tables = try await StoredTable.all(in: source).filter { $0.name != migrationsTable }
        let fetch = "FETCH " + String(batchRows) + " FROM hoopcast_backup"
        try await source.transaction { pg in
            try await pg.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            try await snapshot.transaction { sqlite in
                for table in tables {
                    let declare = "DECLARE hoopcast_backup NO SCROLL CURSOR FOR " + table.selectAll
                    try await pg.raw(SQLQueryString(declare)).run()
                    while true {
                        let rows = try await pg.raw(SQLQueryString(fetch)).all()
                        guard !rows.isEmpty else { break }
                        try await insert(
                            try rows.map { try table.values(of: $0) }, into: table, on: sqlite, dialect: .sqlite)
                    }
                    try await pg.raw("CLOSE hoopcast_backup").run()
                }
            }
        }
    }

    /// One multi-row `INSERT` per batch, every value bound (identifiers from the catalogue, quoted).
    static func insert(_ rows: [[SQLValue]], into table: StoredTable, on db: any SQLDatabase, dialect: Store.Dialect)
        async throws
    {
        let perStatement = max(1, min(batchRows, 30_000 / max(1, table.columns.count)))
        let columns = table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let overriding = dialect == .postgres ? " OVERRIDING SYSTEM VALUE" : ""
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let head = "INSERT INTO \"" + table.name + "\" (" + columns + ")" + overriding + " VALUES "
            var query = SQLQueryString(head)
            for (index, row) in rows[start..<min(start + perStatement, rows.count)].enumerated() {
                query.appendLiteral(index == 0 ? "(" : ", (")
                for (position, value) in row.enumerated() {
                    if position > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation(bind: value)
                }
                query.appendLiteral(")")
            }
            try await db.raw(query).run()
        }
    }
}
