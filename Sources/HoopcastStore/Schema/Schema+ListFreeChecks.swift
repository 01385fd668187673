import SQLKit

extension Schema {
    /// SQLite: every table's `CHECK (column IN (…))` becomes its comparison chain (``CheckListRewrite``), which a
    /// row-by-row bulk write evaluates without building an index of the list for each row.
    ///
    /// A CHECK that accepts exactly the same rows leaves the stored pages as they are, so the tables are not rebuilt:
    /// the schema text is changed in place with SQLite's documented procedure for such changes (`writable_schema`,
    /// then a new `schema_version`, in the migration's transaction). PostgreSQL evaluates the lists cheaply and is
    /// left alone.
    static let listFreeChecks = Migration(version: 31, name: "CHECK constraints without IN lists") { db, dialect in
        guard dialect == .sqlite else { return }
        var changed: [(name: String, ddl: String)] = []
        for row in try await db.raw("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
            .all()
        {
            let ddl = try row.decode(column: "sql", as: String.self)
            let rewritten = CheckListRewrite.rewritten(ddl)
            if rewritten != ddl { changed.append((try row.decode(column: "name", as: String.self), rewritten)) }
        }
        guard !changed.isEmpty else { return }
        let version = try await db.raw("PRAGMA schema_version").first()?.decode(column: "schema_version", as: Int.self)
        guard let version else { throw StoreError(.migrationFailed, "PRAGMA schema_version returned no row") }
        try await db.raw("PRAGMA writable_schema = ON").run()
        for (name, ddl) in changed {
            try await db.raw(
                "UPDATE sqlite_master SET sql = \(bind: ddl) WHERE type = 'table' AND name = \(bind: name)"
            )
            .run()
        }
        // A number the code computed, never input: PRAGMA takes no bound parameters.
        try await db.raw(SQLQueryString(String("PRAGMA schema_version = \(version + 1)"))).run()
        try await db.raw("PRAGMA writable_schema = OFF").run()
    }
}
