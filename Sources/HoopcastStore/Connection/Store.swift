import Foundation
import HoopcastCore
import Logging
import PostgresKit
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The warehouse: one SQL layer (SQLKit) over the embedded SQLite store or a PostgreSQL server.
///
/// Every query goes through ``sql`` with bound parameters. Writes that must land together go through
/// ``transaction(_:)``. On SQLite, transactions are serialised within the process on one connection and SQLite waits
/// at most ``busyTimeoutMilliseconds`` for a lock held by another process (the I/O timeout); a file store reads
/// outside transactions through a second connection. On PostgreSQL, queries run on a
/// pool of connections, each transaction on one connection, and every statement has a server-side timeout
/// (``postgresStatementTimeout``).
public final class Store: Sendable {
    /// Which SQL engine is behind the store.
    public enum Dialect: String, Sendable { case sqlite, postgres }

    /// How long SQLite waits for another writer before failing, in milliseconds.
    public static let busyTimeoutMilliseconds = 10_000

    /// The SQL database every query outside a transaction goes through. On an SQLite file it is a connection of its
    /// own, beside the one transactions run on: in WAL mode a read sees the last commit and never waits for (or
    /// reads inside) a transaction another task has open.
    public let sql: any SQLDatabase
    /// The database transactions and migrations run on (``sql`` itself on PostgreSQL and in-memory SQLite).
    let writer: any SQLDatabase
    /// The engine behind ``sql``.
    public let dialect: Dialect
    /// Where the store lives (printable, secrets removed).
    public let location: StoreLocation
    /// The logger used for store events.
    public let logger: Logger

    let backend: Backend
    private let gate = AsyncLock()
    private let closed = Mutex(false)

    /// The connection(s) behind the store.
    enum Backend: Sendable {
        /// Transactions run on `writer`, other queries on `reader` (the same connection for an in-memory database,
        /// which a second connection could not see).
        case sqlite(writer: SQLiteLink, reader: SQLiteLink)
        case postgres(PostgresPool)

        /// Every SQLite connection once.
        var sqliteConnections: [SQLiteLink] {
            guard case .sqlite(let writer, let reader) = self else { return [] }
            return writer === reader ? [writer] : [writer, reader]
        }
    }

    init(backend: Backend, location: StoreLocation, logger: Logger) {
        self.backend = backend
        switch backend {
        case .sqlite(let writer, let reader):
            self.writer = SQLiteDirectDatabase(link: writer, logger: logger)
            sql = writer === reader ? self.writer : SQLiteDirectDatabase(link: reader, logger: logger)
            dialect = .sqlite
        case .postgres(let pool):
            sql = pool.database
            writer = sql
            dialect = .postgres
        }
        self.location = location
        self.logger = logger
    }

    /// Opens (creating when missing) the store at `location` and migrates it to the newest schema.
    ///
    /// `connect` says how long to wait for a PostgreSQL server: a command gives up at once
    /// (``ConnectPolicy/failFast``); a long-running worker waits for it (``ConnectPolicy/patient``). `memory` says how
    /// an SQLite store holds the pages it reads (``SQLiteMemory``).
    public static func open(
        _ location: StoreLocation, connect: ConnectPolicy = .failFast, memory: SQLiteMemory = .batch,
        logger: Logger = Logger(label: "hoopcast.store")
    ) async throws -> Store {
        let store: Store
        switch location {
        case .sqliteMemory:
            store = try await openSQLite(.memory, location: location, memory: memory, logger: logger)
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    .openFailed,
                    "cannot create the directory \(directory.path) for \(location): "
                        + SystemErrorReason.describe(error))
            }
            store = try await openSQLite(.file(path: path), location: location, memory: memory, logger: logger)
        case .postgres(let url):
            store = Store(
                backend: .postgres(try await PostgresPool.connect(url: url, policy: connect, logger: logger)),
                location: location, logger: logger)
        }
        do {
            try await Migrator(store: store).migrate()
        } catch {
            try? await store.close()  // already failing: report the first error, not the close
            throw error
        }
        return store
    }

    private static func openSQLite(
        _ storage: SQLiteLink.Target, location: StoreLocation, memory: SQLiteMemory,
        logger: Logger
    ) async throws -> Store {
        var connections: [SQLiteLink] = []
        do {
            // Two connections to a file (transactions, everything else); one to a private in-memory database.
            let count: Int
            if case .file = storage { count = 2 } else { count = 1 }
            for _ in 0..<count {
                connections.append(try await SQLiteLink.open(storage))
            }
        } catch {
            for connection in connections { try? await connection.close() }
            throw SQLiteOpenFailure.error(location: location, underlying: error)
        }
        let store = Store(
            backend: .sqlite(writer: connections[0], reader: connections.last!), location: location, logger: logger)
        do {
            for connection in store.backend.sqliteConnections {
                let db = SQLiteDirectDatabase(link: connection, logger: logger)
                for pragma in [
                    "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)",  // a constant, not a value from input
                    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                    "PRAGMA temp_store = MEMORY",
                ] + memory.pragmas + [
                    "SELECT COUNT(*) FROM sqlite_master"  // reads the header and the schema: a non-database fails here
                ] {
                    try await db.raw(SQLQueryString(pragma)).run()
                }
            }
        } catch {
            try? await store.close()
            throw SQLiteOpenFailure.error(location: location, underlying: error)
        }
        return store
    }

    /// Opens the store at `location`, runs `body`, and closes the store whether `body` succeeds or throws.
    public static func withOpen<R: Sendable>(
        _ location: StoreLocation, connect: ConnectPolicy = .failFast, memory: SQLiteMemory = .batch,
        logger: Logger = Logger(label: "hoopcast.store"),
        _ body: (Store) async throws -> R
    ) async throws -> R {
        let store = try await open(location, connect: connect, memory: memory, logger: logger)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()  // the body's error is the one to report
            throw error
        }
    }

    /// Closes the connection(s); the store must not be used afterwards.
    public func close() async throws {
        guard
            closed.withLock({ wasClosed in
                defer { wasClosed = true }
                return !wasClosed
            })
        else { return }
        switch backend {
        case .sqlite:
            for connection in backend.sqliteConnections { try await connection.close() }
        case .postgres(let pool): await pool.shutdown()
        }
    }

    deinit {
        // A store dropped without close(): each SQLite connection closes itself when released.
        guard closed.withLock({ !$0 }), case .postgres(let pool) = backend else { return }
        pool.cancel()
    }

    /// Runs `body` in one transaction: everything it writes commits together or not at all.
    ///
    /// SQLite: transactions are serialised within the process; `BEGIN IMMEDIATE` takes the write lock up front so
    /// that a second process waits (up to the busy timeout) instead of failing half-way. PostgreSQL: the body runs on
    /// one pooled connection; concurrent transactions are isolated by the server.
    public func transaction<R: Sendable>(_ body: @Sendable @escaping (any SQLDatabase) async throws -> R) async throws
        -> R
    {
        switch backend {
        case .sqlite:
            return try await gate.withLock { [writer] in
                try await Store.inTransaction(writer, begin: "BEGIN IMMEDIATE", body)
            }
        case .postgres(let pool):
            return try await pool.withConnection { db in
                try await Store.inTransaction(db, begin: "BEGIN", body)
            }
        }
    }

    private static func inTransaction<R: Sendable>(
        _ db: any SQLDatabase, begin: SQLQueryString,
        _ body: @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await db.raw(begin).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            do {
                // Shielded from the caller's cancellation: a cancelled task must still end its transaction, or the
                // connection (SQLite has one) would stay inside it and every later BEGIN would fail.
                try await Task { try await db.raw("ROLLBACK").run() }.value
            } catch let rollbackError {
                throw StoreError(.queryFailed, "rollback failed after \(error)", underlying: rollbackError)
            }
            throw error
        }
    }
}
