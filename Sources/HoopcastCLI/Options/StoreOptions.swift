import ArgumentParser
import Foundation
import HoopcastStore
import Logging

/// `--store`: where the warehouse lives (falls back to `HOOPCAST_STORE`, then `./hoopcast-data/hoopcast.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Warehouse location: sqlite:PATH or postgres://user[:password]@host[:port]/db[?sslmode=…] (default sqlite:hoopcast-data/hoopcast.sqlite, or $HOOPCAST_STORE).",
            valueName: "store"))
    var store: String?

    /// The location chosen by flag, environment or default.
    func location() throws -> StoreLocation {
        if let store { return try StoreLocation(parsing: store) }
        if let env = ProcessInfo.processInfo.environment["HOOPCAST_STORE"], !env.isEmpty {
            return try StoreLocation(parsing: env)
        }
        return StoreLocation.defaultLocation
    }

    /// Opens and migrates the store, runs `body`, and closes the store whether `body` succeeds or throws.
    ///
    /// A command gives up at once when a PostgreSQL server cannot be reached (`connect: .failFast`); the
    /// long-running commands pass `.patient` to wait for it.
    func withStore<R: Sendable>(
        connect: Store.ConnectPolicy = .failFast,
        _ body: (Store) async throws -> R
    ) async throws -> R {
        try await Store.withOpen(try location(), connect: connect, body)
    }
}
