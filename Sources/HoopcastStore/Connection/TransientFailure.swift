import NIOCore
import PostgresNIO

/// Recognises store failures that another attempt may get past — a lost or refused connection, a server restart or
/// shutdown, a serialization failure or deadlock, a lock or statement timeout, too many connections, a busy SQLite
/// file — from the drivers' typed errors (PostgreSQL's SQLSTATE, SQLite's result code), never from message text.
public enum TransientFailure {
    /// SQLSTATEs worth retrying: admin/crash shutdown and cannot-connect-now (57P01–03), serialization failure
    /// (40001), deadlock (40P01), lock not available (55P03), query cancelled by statement timeout (57014), too many
    /// connections (53300), out of memory or disk for now (53200, 53100). Class 08 (connection exception) too.
    static let sqlStates: Set<String> = [
        "57P01", "57P02", "57P03", "40001", "40P01", "55P03", "57014", "53300", "53200", "53100",
    ]

    /// Whether `error` (or the error it wraps) is a transient store failure.
    public static func matches(_ error: any Error) -> Bool {
        if let psql = error as? PSQLError {
            switch psql.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
                return true
            case .server:
                guard let state = psql.serverInfo?[.sqlState] else { return false }
                return state.hasPrefix("08") || sqlStates.contains(state)
            default:
                return psql.underlying.map(matches) ?? false
            }
        }
        if let sqlite = error as? SQLiteFailure { return sqlite.isLockConflict }
        if error is ChannelError || error is IOError || error is NIOConnectionError { return true }
        if let store = error as? StoreError {
            if store.code == .timedOut { return true }
            return store.underlying.map(matches) ?? false
        }
        return false
    }
}
