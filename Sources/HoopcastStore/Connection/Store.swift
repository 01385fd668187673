import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The warehouse: one SQL layer (SQLKit) over the embedded SQLite store.
///
/// Every query goes through ``sql`` with bound parameters. Writes that must land together go through
/// ``transaction(_:)``, which serialises transactions within the process. SQLite waits at most
/// ``busyTimeoutMilliseconds`` for a lock held by another process before failing (the I/O timeout).
public final class Store: Sendable {
    /// Which SQL engine is behind the store.
    public enum Dialect: String, Sendable { case sqlite, postgres }

    /// How long SQLite waits for another writer before failing, in milliseconds.
    public static let busyTimeoutMilliseconds = 10_000

    /// The SQL database every query goes through.
    public let sql: any SQLDatabase
    /// The engine behind ``sql``.
    public let dialect: Dialect
    /// Where the store lives (printable, secrets removed).
    public let location: StoreLocation
    /// The logger used for store events.
    public let logger: Logger

    private let connection: SQLiteConnection
    private let gate = AsyncLock()
    private let closed = Mutex(false)

    private init(connection: SQLiteConnection, location: StoreLocation, logger: Logger) {
        self.connection = connection
        self.sql = connection.sql(queryLogLevel: nil)
        self.dialect = .sqlite
        self.location = location
        self.logger = logger
    }

    /// Opens (creating when missing) the store at `location` and migrates it to the newest schema.
    public static func open(_ location: StoreLocation, logger: Logger = Logger(label: "hoopcast.store")) async throws -> Store {
        let storage: SQLiteConnection.Storage
        switch location {
        case .sqliteMemory:
            storage = .memory
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.openFailed, "cannot create directory \(directory.path) for the store", underlying: error)
            }
            storage = .file(path: path)
        case .postgres:
            throw StoreError(.unsupportedBackend, "PostgreSQL is not available in this build yet; use sqlite:PATH")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw StoreError(.openFailed, "cannot open \(location)", underlying: error)
        }
        let store = Store(connection: connection, location: location, logger: logger)
        do {
            for pragma in [
                "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",  // a constant, not a value from input
                "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -65536",
                "PRAGMA mmap_size = 4294967296",  // read through the page cache of the OS, without a copy per page
            ] {
                try await store.sql.raw(SQLQueryString(pragma)).run()
            }
            try await Migrator(store: store).migrate()
        } catch {
            try? await connection.close()  // already failing: report the first error, not the close
            throw error
        }
        return store
    }

    /// Opens the store at `location`, runs `body`, and closes the store whether `body` succeeds or throws.
    public static func withOpen<R: Sendable>(_ location: StoreLocation, logger: Logger = Logger(label: "hoopcast.store"),
                                             _ body: (Store) async throws -> R) async throws -> R {
        let store = try await open(location, logger: logger)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()  // the body's error is the one to report
            throw error
        }
    }

    /// Closes the connection; the store must not be used afterwards.
    public func close() async throws {
        guard closed.withLock({ wasClosed in defer { wasClosed = true }; return !wasClosed }) else { return }
        try await connection.close()
    }

    deinit {
        // A store dropped without close(): close the connection on its thread pool (the closure keeps it alive).
        if closed.withLock({ !$0 }) { _ = connection.close() }
    }

    /// Runs `body` in one transaction: everything it writes commits together or not at all.
    ///
    /// Transactions are serialised within the process; SQLite's `BEGIN IMMEDIATE` takes the write lock up front
    /// so that a second process waits (up to the busy timeout) instead of failing half-way.
    public func transaction<R: Sendable>(_ body: @Sendable @escaping (any SQLDatabase) async throws -> R) async throws -> R {
        try await gate.withLock { [sql] in
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await sql.raw("ROLLBACK").run()
                } catch let rollbackError {
                    throw StoreError(.queryFailed, "rollback failed after \(error)", underlying: rollbackError)
                }
                throw error
            }
        }
    }
}
