import VaporCSQLite

/// An error SQLite returned: its extended result code and its message, with what the store was doing.
///
/// The description never contains the statement's text or its bound values (a bound value may be a secret, and the
/// failure classifier reads descriptions).
public struct SQLiteFailure: Error, Sendable, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_BUSY_TIMEOUT`, `SQLITE_CONSTRAINT_CHECK`, …).
    public let code: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the store's own when SQLite has none.
    public let message: String
    /// What the store was doing: `prepare`, `bind`, `step`, `open`, ….
    public let operation: String

    /// Creates a failure.
    public init(code: Int32, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    /// The primary result code (the low byte of ``code``): `SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ….
    public var primary: Int32 { code & 0xff }

    /// Another connection holds a lock this one needed (`SQLITE_BUSY`, `SQLITE_LOCKED` and their extended codes).
    public var isLockConflict: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }

    public var description: String {
        let name = sqlite_nio_sqlite3_errstr(code).map { String(cString: $0) } ?? "error"
        return "SQLite \(operation) failed (\(name), code \(code)): \(message)"
    }

    /// The failure of `operation` on `handle` with result `code`, with the connection's message.
    static func last(_ code: Int32, on handle: OpaquePointer?, _ operation: String) -> SQLiteFailure {
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? ""
        let extended = handle.map { sqlite_nio_sqlite3_extended_errcode($0) } ?? code
        // The connection's code belongs to its last call; fall back to the returned one if they disagree.
        return SQLiteFailure(
            code: extended & 0xff == code & 0xff ? extended : code, message: message, operation: operation)
    }
}
