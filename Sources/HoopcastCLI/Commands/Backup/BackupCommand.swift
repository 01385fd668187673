import ArgumentParser
import Foundation
import HoopcastStore

/// `hoopcast backup --out FILE [--store S]`: a consistent online snapshot of the warehouse with its manifest.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Take a consistent snapshot of the warehouse (while workers write) into FILE and FILE.manifest.json.",
        discussion: """
            The backup is an SQLite database file whatever the store's engine (SQLite: VACUUM INTO; PostgreSQL: every \
            table copied in one REPEATABLE READ transaction), with a manifest beside it: the schema version, each \
            table's row count and content fingerprint, and the file's SHA-256. `hoopcast restore` verifies both.
            """)

    @Option(help: "The backup file to write (must not exist).")
    var out: String

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let file = URL(fileURLWithPath: out)
        let started = ContinuousClock.now
        let manifest = try await storeOptions.withStore { store in try await StoreBackup.backup(store, to: file) }
        let elapsed = (ContinuousClock.now - started).seconds
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        Terminal.out(
            "backup of schema version \(manifest.schemaVersion) (\(manifest.sourceEngine)): "
                + "\(manifest.tables.reduce(0) { $0 + $1.rows }) rows in \(manifest.tables.count) tables, "
                + String(format: "%.1f MB in %.1f s", Double(bytes) / 1e6, elapsed) + " → \(file.path)")
        Terminal.out("SHA-256 \(manifest.fileSHA256); manifest \(BackupManifest.url(of: file).path)")
    }
}
