import SQLiteNIO

/// A statement that writes its SQLite text and binds itself, skipping SQLKit's serializer: one text, run once for each
/// row of binds.
///
/// SQLKit serialises a statement into text one token at a time and each bind into an `any Encodable`, with a
/// `?NNN` placeholder string built per bind; for a bulk upsert of 5,000 rows × 20 columns that was about 60 ms a
/// date of a backfill, all of it while the one SQLite connection waited. Sent instead as one multi-row statement,
/// SQLite still parsed 5,000 rows of `VALUES` per date and table. ``SQLiteDirectDatabase`` asks a statement of this
/// kind for a one-row text, prepared once per connection, and its rows of binds, stepped in one batch
/// (``SQLiteLink/batch(_:rows:)``). Running the text once per row must mean exactly what the statement's SQLKit
/// serialisation means on SQLite (`SQLiteDirectDatabaseTests` compares the two).
protocol SQLiteDirectStatement {
    /// The SQLite text (anonymous `?` placeholders, in bind order) and the binds of each run.
    func sqliteStatement() -> (sql: String, rows: [[SQLiteData]])
}

extension String {
    /// `name` as a SQLite identifier: in double quotes, with embedded quotes doubled (as SQLiteKit's dialect).
    static func sqliteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
