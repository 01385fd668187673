import ArgumentParser
import Foundation
import HoopcastStore

/// `hoopcast restore FILE [--store S] [--force]`: a verified restore, into either engine.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into the store (SQLite or PostgreSQL), after verifying it.",
        discussion: """
            Checks the file's SHA-256 and every table against its manifest, refuses a store that already holds rows \
            unless --force (which replaces them), copies every table in one transaction and checks the restored \
            tables against the manifest. A backup of an SQLite store restores into PostgreSQL and back.
            """)

    @Argument(help: "The backup file (its FILE.manifest.json beside it).")
    var file: String

    @Flag(help: "Replace the rows the store already holds.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (url, force) = (URL(fileURLWithPath: file), force)
        let started = ContinuousClock.now
        let manifest = try await storeOptions.withStore { store in
            try await StoreBackup.restore(from: url, into: store, force: force)
        }
        Terminal.out(
            "restored \(manifest.tables.reduce(0) { $0 + $1.rows }) rows in \(manifest.tables.count) tables "
                + "(schema version \(manifest.schemaVersion), taken \(manifest.createdAt) from \(manifest.sourceEngine)) "
                + String(format: "in %.1f s; every table matches the manifest", (ContinuousClock.now - started).seconds)
        )
    }
}
