import SQLiteNIO

/// A statement that can write its SQLite text and binds itself, skipping SQLKit's serializer.
///
/// SQLKit serialises a statement into text one token at a time and each bind into an `any Encodable`, with a
/// `?NNN` placeholder string built per bind; for a bulk upsert of 5,000 rows × 20 columns that was about 60 ms a
/// date of a backfill, all of it while the one SQLite connection waited. ``SQLiteDirectDatabase`` asks a statement
/// of this kind for its text and binds instead. The text must mean exactly what the statement's SQLKit serialisation
/// means on SQLite (`SQLiteDirectDatabaseTests` compares the two).
protocol SQLiteDirectStatement {
    /// The SQLite text (anonymous `?` placeholders, in bind order) and its binds.
    func sqliteStatement() -> (sql: String, binds: [SQLiteData])
}

extension String {
    /// `name` as a SQLite identifier: in double quotes, with embedded quotes doubled (as SQLiteKit's dialect).
    static func sqliteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
