import Foundation
import NIOSSL
import PostgresKit
import PostgresNIO

/// A PostgreSQL server and database parsed from a store URL, and the driver configurations made from it.
struct PostgresTarget: Sendable {
    /// How TLS is used (`sslmode`).
    enum TLSMode: String, Sendable { case disable, prefer, require }

    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?
    let tls: TLSMode

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=…]`; throws naming the (redacted) URL.
    init(url: String) throws(StoreError) {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
            let user = components.user, !user.isEmpty
        else {
            throw StoreError(
                .invalidLocation,
                "'\(StoreLocation.redact(url))' is not postgres://user[:password]@host[:port]/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let mode =
            components.queryItems?.last { ["sslmode", "tlsmode"].contains($0.name.lowercased()) }?.value
            ?? "prefer"
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer  // certificates verified whenever TLS is used
        case "require", "verify-ca", "verify-full": tls = .require
        default:
            throw StoreError(
                .invalidLocation,
                "sslmode '\(mode)' in \(StoreLocation.redact(url)): use disable, prefer or require")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password
        self.database = database.isEmpty ? nil : database
    }

    /// The pool's configuration: connect timeout, pool size and the server-side time limits of every session.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        let clientTLS: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: clientTLS = .disable
        case .prefer: clientTLS = .prefer(.makeClientConfiguration())
        case .require: clientTLS = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password,
            database: database, tls: clientTLS)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 8
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", PostgresPool.statementTimeout), ("lock_timeout", PostgresPool.lockTimeout),
            ("idle_in_transaction_session_timeout", "300s"), ("application_name", "hoopcast"),
        ]
        return configuration
    }

    /// One direct connection's configuration (the fail-fast probe), connecting within `timeout`.
    func connectionConfiguration(timeout: Duration) throws -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: connectionTLS = .disable
        case .prefer: connectionTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: connectionTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user,
            password: password, database: database,
            tls: connectionTLS)
        let (seconds, attoseconds) = timeout.components
        configuration.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        configuration.options.additionalStartupParameters = [("application_name", "hoopcast")]
        return configuration
    }
}
