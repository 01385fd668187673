import NIOCore
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// One connection to an SQLite database, driven through SQLite's C interface on NIO's blocking-I/O thread pool.
///
/// SQLiteNIO's connection parses every statement anew and hands each row to an event loop on its own; a backfill
/// runs the same few statements hundreds of thousands of times and reads results of thousands of rows. This
/// connection keeps its statements prepared (``SQLiteStatementCache``), reads a result in one go (``SQLiteRows``), and
/// runs a batch — one statement over many rows of binds, as a bulk upsert is — in one hop, inside a savepoint so that
/// it applies whole or not at all, as one multi-row statement would.
///
/// One statement runs at a time (``gate``): a statement is never mid-step while another runs on the connection.
/// Every call that touches the handle also holds ``lock``, so the handle is never used from two threads at once.
final class SQLiteLink: Sendable {
    /// What the link opens.
    enum Target: Sendable, Equatable {
        /// A private in-memory database.
        case memory
        /// A database file (created when missing).
        case file(path: String)
    }

    private struct State: @unchecked Sendable {
        /// The connection; nil once closed.
        var handle: OpaquePointer?
        var statements = SQLiteStatementCache()
    }

    private let lock: Mutex<State>
    private let gate = AsyncLock()
    private let pool: NIOThreadPool

    private init(handle: OpaquePointer, pool: NIOThreadPool) {
        lock = Mutex(State(handle: handle))
        self.pool = pool
    }

    deinit { closeNow() }

    /// Opens `target` on the shared thread pool.
    static func open(_ target: Target, pool: NIOThreadPool = .singleton) async throws -> SQLiteLink {
        let handle = try await pool.runIfActive { () throws -> SQLiteHandleBox in
            let path: String
            switch target {
            case .memory: path = ":memory:"
            case .file(let file): path = file
            }
            var handle: OpaquePointer?
            // NOMUTEX: SQLite's own per-connection mutex is redundant under ``lock``, which every use of the handle
            // holds (the connection is never used from two threads at once).
            let flags =
                SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
                | SQLITE_OPEN_EXRESCODE
            let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
            guard code == SQLITE_OK, let handle else {
                let failure = SQLiteFailure.last(code, on: handle, "open")
                sqlite_nio_sqlite3_close_v2(handle)
                throw failure
            }
            return SQLiteHandleBox(handle: handle)
        }
        return SQLiteLink(handle: handle.handle, pool: pool)
    }

    /// Whether the connection is closed.
    var isClosed: Bool { lock.withLock { $0.handle == nil } }

    /// Runs `sql` once with `binds` and returns its rows.
    func query(_ sql: String, _ binds: [SQLiteData]) async throws -> SQLiteRows {
        try await run { state in try SQLiteLink.execute(sql, binds: [binds], keepRows: true, state: &state) }
    }

    /// Runs `sql` once for each row of `rows` (each row its binds), all or nothing: inside a savepoint, released when
    /// every row succeeded and rolled back to when one failed.
    func batch(_ sql: String, rows: [[SQLiteData]]) async throws {
        guard !rows.isEmpty else { return }
        try await run { state in
            func run(_ statement: String) throws {
                _ = try SQLiteLink.execute(statement, binds: [[]], keepRows: false, state: &state)
            }
            // Outside a transaction the savepoint is the transaction, and a failure ends it with ROLLBACK; inside
            // one it is rolled back to and released, or — if that fails — left to the caller's ROLLBACK.
            let outermost = state.handle.map { sqlite_nio_sqlite3_get_autocommit($0) != 0 } ?? false
            try run("SAVEPOINT hoopcast_batch")
            do {
                _ = try SQLiteLink.execute(sql, binds: rows, keepRows: false, state: &state)
                try run("RELEASE hoopcast_batch")
            } catch {
                if outermost {
                    try? run("ROLLBACK")
                } else if (try? run("ROLLBACK TO hoopcast_batch")) != nil {
                    try? run("RELEASE hoopcast_batch")
                }
                throw error
            }
        }
    }

    /// Closes the connection (its kept statements first); later calls fail.
    func close() async throws {
        try await gate.withLock { [pool] in
            try await pool.runIfActive { self.closeNow() }
        }
    }

    /// Closes the connection on the calling thread.
    private func closeNow() {
        lock.withLock { state in
            guard let handle = state.handle else { return }
            state.statements.removeAll()
            sqlite_nio_sqlite3_close_v2(handle)
            state.handle = nil
        }
    }

    /// Runs `body` on the thread pool, alone on the connection.
    private func run<T: Sendable>(_ body: @escaping @Sendable (inout State) throws -> T) async throws -> T {
        try await gate.withLock { [pool] in
            try await pool.runIfActive { try self.lock.withLock { state throws -> T in try body(&state) } }
        }
    }

    /// Runs `sql` once per element of `binds`; returns the rows of every run when `keepRows`.
    private static func execute(_ sql: String, binds: [[SQLiteData]], keepRows: Bool, state: inout State) throws
        -> SQLiteRows
    {
        guard let db = state.handle else {
            throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed", operation: "prepare")
        }
        let (entry, cached) = try state.statements.statement(for: sql, on: db)
        let statement = entry.handle
        defer {
            if cached {
                sqlite_nio_sqlite3_reset(statement)  // ends its read; its error, if any, was thrown already
            } else {
                sqlite_nio_sqlite3_finalize(statement)
            }
        }
        var values: [SQLiteData] = []
        // Read after a step, every run: a kept statement that SQLite re-prepared after a schema change (a
        // `SELECT *` after `ADD COLUMN`) may return other columns than when it was first prepared.
        var columns: SQLiteColumns?
        for row in binds {
            guard row.count == entry.parameters else {
                throw SQLiteFailure(
                    code: SQLITE_RANGE, message: "\(row.count) values bound to \(entry.parameters) parameters",
                    operation: "bind")
            }
            for (index, value) in row.enumerated() {
                let code = bind(value, at: Int32(index + 1), to: statement)
                guard code == SQLITE_OK else { throw SQLiteFailure.last(code, on: db, "bind") }
            }
            while true {
                let code = sqlite_nio_sqlite3_step(statement)
                if keepRows && columns == nil && (code == SQLITE_ROW || code == SQLITE_DONE) {
                    columns = SQLiteColumns(statement: statement)
                }
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw SQLiteFailure.last(code, on: db, "step") }
                if let columns {
                    for position in 0..<columns.count {
                        values.append(try column(Int32(position), of: statement))
                    }
                }
            }
            let reset = sqlite_nio_sqlite3_reset(statement)
            guard reset == SQLITE_OK else { throw SQLiteFailure.last(reset, on: db, "step") }
        }
        return SQLiteRows(columns: columns ?? SQLiteColumns.none, values: values)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let number): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): return sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(var text):
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite_nio_sqlite3_bind_text64(statement, index, "", 0, transient, UInt8(SQLITE_UTF8))
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite_nio_sqlite3_bind_text64(
                        statement, index, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), transient)
            }
        }
    }

    /// The value of column `position` of the current row, converted as SQLiteNIO converts it (a text or blob SQLite
    /// could not hand over — out of memory — is an error, not an empty value).
    private static func column(_ position: Int32, of statement: OpaquePointer) throws -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, position) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, position)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, position))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, position) else {
                throw SQLiteFailure(code: SQLITE_NOMEM, message: "no memory for a text value", operation: "read")
            }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, position))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, position))
            guard count > 0 else { return .blob(ByteBuffer()) }
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, position) else {
                throw SQLiteFailure(code: SQLITE_NOMEM, message: "no memory for a blob value", operation: "read")
            }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}

/// A connection handle crossing from the thread pool to the caller once, at open.
private struct SQLiteHandleBox: @unchecked Sendable {
    let handle: OpaquePointer
}
