import ArgumentParser
import Foundation
import HoopcastStore
import Logging

/// Where `bench-queue` puts its scratch store. The benchmark empties the queue tables between scenarios, so it
/// never opens a store that already exists: SQLite files are created new, PostgreSQL gets a new database.
enum ScratchQueueStore: Sendable, Hashable {
    /// A new SQLite file in a new temporary directory (the default).
    case temporarySQLite
    /// A new SQLite file at this path, which must not exist yet.
    case sqlite(path: String)
    /// A private in-memory SQLite database.
    case sqliteMemory
    /// A new database `hoopcast_bench_<random>` created on the server of this URL (the URL's own database is not
    /// touched); the role needs `CREATEDB`.
    case postgres(server: String)

    /// The target named by `--store` (nil: a temporary SQLite file).
    init(parsing spec: String?) throws {
        guard let spec else {
            self = .temporarySQLite
            return
        }
        switch try StoreLocation(parsing: spec) {
        case .sqlite(let path): self = .sqlite(path: path)
        case .sqliteMemory: self = .sqliteMemory
        case .postgres(let url): self = .postgres(server: url)
        }
    }

    /// Creates the scratch store, runs `body` on it with a printable description, then throws it away (the file,
    /// its `-wal` and `-shm` companions, or the database) unless `keep`, whether `body` succeeds or throws.
    func withStore<R: Sendable>(
        keep: Bool, logger: Logger,
        _ body: (Store, String) async throws -> R
    ) async throws -> R {
        switch self {
        case .sqliteMemory:
            return try await Store.withOpen(.sqliteMemory, logger: logger) { try await body($0, "sqlite::memory:") }
        case .temporarySQLite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("hoopcast-bench-queue-\(UUID().uuidString)")
            let path = directory.appendingPathComponent("queue.sqlite").path
            defer {
                if !keep { try? FileManager.default.removeItem(at: directory) }  // best-effort cleanup of our temp dir
            }
            return try await Store.withOpen(.sqlite(path: path), logger: logger) {
                try await body($0, keep ? "sqlite:\(path), kept" : "temporary sqlite file, deleted afterwards")
            }
        case .sqlite(let path):
            guard !FileManager.default.fileExists(atPath: path) else {
                throw ValidationError(
                    "\(path) exists: bench-queue runs only on a store it creates (it empties the "
                        + "queue tables between scenarios); name a new file or leave --store out")
            }
            defer {
                if !keep {  // best-effort cleanup of the files we created
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
            }
            return try await Store.withOpen(.sqlite(path: path), logger: logger) {
                try await body($0, keep ? "sqlite:\(path), kept" : "sqlite:\(path), deleted afterwards")
            }
        case .postgres(let server):
            let scratch = try await ScratchDatabase.create(onServer: server, logger: logger)
            let described =
                "database \(scratch.name) on \(StoreLocation.postgres(url: server))"
                + (keep ? ", kept" : ", dropped afterwards")
            Terminal.err("bench-queue: scratch \(described)\n")
            do {
                let result = try await Store.withOpen(.postgres(url: scratch.url), logger: logger) {
                    try await body($0, described)
                }
                if !keep { try await scratch.drop(logger: logger) }
                return result
            } catch {
                if !keep {
                    do { try await scratch.drop(logger: logger) } catch let dropError {
                        Terminal.err("bench-queue: could not drop \(scratch.name): \(dropError)\n")
                    }
                }
                throw error
            }
        }
    }
}
