import VaporCSQLite

/// The prepared statements of one connection, by their text: a statement the store runs again (a bulk upsert's one
/// row, a claim, a dated read) is parsed once per connection instead of once per run.
///
/// Bounded: at most ``capacity`` statements, the least recently used finalized first; a statement longer than
/// ``longestCached`` bytes (an `IN` list of one particular length) is not kept. Not thread-safe: ``SQLiteLink`` uses it
/// only under its lock.
struct SQLiteStatementCache {
    /// The most statements kept.
    static let capacity = 128
    /// The longest statement text kept, in UTF-8 bytes.
    static let longestCached = 16 << 10

    /// A prepared statement and its number of parameters (fixed by its text).
    struct Entry {
        let handle: OpaquePointer
        let parameters: Int
        var lastUse: Int
    }

    private var entries: [String: Entry] = [:]
    private var uses = 0

    /// The statement for `sql`, prepared on `db` unless kept; `cached` says whether it stays prepared after use (else
    /// the caller finalizes it).
    mutating func statement(for sql: String, on db: OpaquePointer) throws -> (entry: Entry, cached: Bool) {
        uses += 1
        if var entry = entries[sql] {
            entry.lastUse = uses
            entries[sql] = entry
            return (entry, true)
        }
        let keep = sql.utf8.count <= SQLiteStatementCache.longestCached
        var handle: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(
            db, sql, -1, UInt32(keep ? SQLITE_PREPARE_PERSISTENT : 0), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteFailure.last(code == SQLITE_OK ? SQLITE_MISUSE : code, on: db, "prepare")
        }
        let entry = Entry(
            handle: handle, parameters: Int(sqlite_nio_sqlite3_bind_parameter_count(handle)), lastUse: uses)
        guard keep else { return (entry, false) }
        if entries.count >= SQLiteStatementCache.capacity,
            let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })
        {
            sqlite_nio_sqlite3_finalize(oldest.value.handle)
            entries[oldest.key] = nil
        }
        entries[sql] = entry
        return (entry, true)
    }

    /// Finalizes every kept statement (before the connection closes).
    mutating func removeAll() {
        for entry in entries.values { sqlite_nio_sqlite3_finalize(entry.handle) }
        entries = [:]
    }
}
