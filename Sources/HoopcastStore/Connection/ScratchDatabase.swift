import Foundation
import Logging
import SQLKit

/// A throwaway PostgreSQL database for benchmarks: created empty on a server, dropped afterwards.
///
/// The server URL only names where to create it: nothing is read from or written to the database in that URL
/// (the role needs the `CREATEDB` privilege). The name is generated here (`hoopcast_bench_` and 16 hex digits), never
/// taken from input.
public struct ScratchDatabase: Sendable {
    /// The database name.
    public let name: String
    /// The URL of the scratch database (the server URL with its database replaced).
    public let url: String
    /// The server URL the database was created from.
    let serverURL: String

    /// Creates a new empty database on the server at `serverURL` (`postgres://…`).
    public static func create(
        onServer serverURL: String, prefix: String = "hoopcast_bench_",
        logger: Logger = Logger(label: "hoopcast.store")
    ) async throws -> ScratchDatabase {
        let name = randomName(prefix: prefix)
        let url = try scratchURL(server: serverURL, database: name)
        try await withServer(serverURL, logger: logger) { sql in
            try await sql.raw("CREATE DATABASE \(ident: name)").run()
        }
        return ScratchDatabase(name: name, url: url, serverURL: serverURL)
    }

    /// Drops the database (forcing off sessions left open on PostgreSQL 13 and later). Close every store on it first.
    public func drop(logger: Logger = Logger(label: "hoopcast.store")) async throws {
        try await ScratchDatabase.withServer(serverURL, logger: logger) { [name] sql in
            let version =
                try await sql.raw("SELECT current_setting('server_version_num') AS v").first()
                .map { try $0.decode(column: "v", as: String.self) }.flatMap { Int($0) } ?? 0
            if version >= 130_000 {
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            } else {
                try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
            }
        }
    }

    /// `prefix` followed by 16 random lowercase hex digits.
    static func randomName(prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }

    /// The server URL with its database path replaced by `database` (user, password, host, port and query kept).
    public static func scratchURL(server: String, database: String) throws(StoreError) -> String {
        guard var components = URLComponents(string: server), components.host?.isEmpty == false else {
            throw StoreError(
                .invalidLocation,
                "'\(StoreLocation.redact(server))' is not postgres://user[:password]@host[:port]/database")
        }
        components.path = "/" + database
        guard let url = components.string else {
            throw StoreError(
                .invalidLocation,
                "cannot build a URL for database \(database) on \(StoreLocation.redact(server))")
        }
        return url
    }

    /// Runs `body` on a pool connected to the server URL's own database (no migrations, no writes of ours there).
    private static func withServer(
        _ serverURL: String, logger: Logger,
        _ body: @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let pool = try await PostgresPool.connect(url: serverURL, policy: .failFast, logger: logger)
        do {
            try await body(pool.database)
        } catch {
            await pool.shutdown()
            throw StoreError(.queryFailed, "on \(StoreLocation.redact(serverURL))", underlying: error)
        }
        await pool.shutdown()
    }
}
