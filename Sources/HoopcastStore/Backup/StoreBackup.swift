import Crypto
import Foundation
import Logging
import SQLKit

/// Consistent online backups of a store and their restore, into either engine.
///
/// A backup is an SQLite database file (whatever the source engine) with a manifest beside it. From SQLite it is
/// taken with `VACUUM INTO`, one consistent snapshot while workers write; from PostgreSQL every table is copied in
/// one `REPEATABLE READ` transaction (one snapshot of all tables) into a fresh SQLite file of the same schema. A
/// restore verifies the file's SHA-256 and every table's fingerprint against the manifest, refuses a store that
/// holds rows unless forced, and copies every table in one transaction, then checks the restored fingerprints —
/// so an SQLite warehouse moves into PostgreSQL (and back) row for row.
public enum StoreBackup {
    /// Rows per `INSERT` and per fetch when copying.
    static let batchRows = 500

    /// Backs `store` up to `file` (which must not exist) and writes its manifest; returns the manifest.
    public static func backup(_ store: Store, to file: URL, logger: Logger = Logger(label: "hoopcast.backup"))
        async throws -> BackupManifest
    {
        let manifestURL = BackupManifest.url(of: file)
        for url in [file, manifestURL] where FileManager.default.fileExists(atPath: url.path) {
            throw BackupError(.exists, "\(url.path) already exists; choose another --out or remove it")
        }
        let partial = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }  // best effort: our own partial file
        let createdAt = ISO8601DateFormatter().string(from: Date())
        switch store.dialect {
        case .sqlite:
            try await store.sql.raw("VACUUM INTO \(bind: partial.path)").run()
        case .postgres:
            let snapshot = try await Store.open(.sqlite(path: partial.path), logger: logger)
            do {
                try await copyPostgres(store, into: snapshot)
                try await snapshot.close()
            } catch {
                try? await snapshot.close()
                throw error
            }
        }
        let snapshot = try await Store.open(.sqlite(path: partial.path), logger: logger)
        let (version, tables): (Int, [BackupManifest.Table])
        do {
            (version, tables) = (try await schemaVersion(snapshot), try await fingerprint(snapshot))
            try await snapshot.close()
        } catch {
            try? await snapshot.close()
            throw error
        }
        let manifest = BackupManifest(
            format: "hoopcast-backup", formatVersion: 1, schemaVersion: version,
            sourceEngine: store.dialect == .sqlite ? "sqlite" : "postgres", createdAt: createdAt,
            fileSHA256: try sha256(of: partial), tables: tables)
        try FileManager.default.moveItem(at: partial, to: file)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: manifestURL, options: .atomic)
        return manifest
    }

    /// Restores the backup `file` into `store`: verifies it, refuses a store holding rows unless `force` (which
    /// replaces them), copies every table in one transaction and checks the result against the manifest.
    public static func restore(
        from file: URL, into store: Store, force: Bool, logger: Logger = Logger(label: "hoopcast.backup")
    ) async throws -> BackupManifest {
        let manifest = try readManifest(of: file)
        let actual = try sha256(of: file)
        guard actual == manifest.fileSHA256 else {
            throw BackupError(
                .checksumMismatch,
                "\(file.path) is damaged or truncated: its SHA-256 is \(actual), the manifest says "
                    + "\(manifest.fileSHA256); nothing was restored")
        }
        let target = try await schemaVersion(store)
        guard manifest.schemaVersion == target else {
            throw BackupError(
                .schemaMismatch,
                "\(file.path) has schema version \(manifest.schemaVersion), the store \(store.location) has \(target); "
                    + "restore it with the hoopcast that wrote it, or into a store of the same version")
        }
        // Work on a copy: opening a database may touch it, and the backup must stay as it was.
        let working = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).\(UUID().uuidString).restoring")
        try FileManager.default.copyItem(at: file, to: working)
        defer { try? FileManager.default.removeItem(at: working) }  // best effort: our own copy
        let source = try await Store.open(.sqlite(path: working.path), logger: logger)
        do {
            let stored = try await fingerprint(source)
            guard stored == manifest.tables else {
                let differing = zip(stored, manifest.tables).first { $0 != $1 }.map { $0.0.name } ?? "the table list"
                throw BackupError(
                    .contentMismatch, "\(file.path) does not hold what its manifest lists (\(differing) differs)")
            }
            try await copy(from: source, into: store, force: force)
            try await source.close()
        } catch {
            try? await source.close()
            throw error
        }
        let restored = try await fingerprint(store)
        guard restored == manifest.tables else {
            let differing = zip(restored, manifest.tables).first { $0 != $1 }.map { $0.0.name } ?? "the table list"
            throw BackupError(
                .contentMismatch, "the restored store differs from the backup in \(differing): \(store.location)")
        }
        return manifest
    }

    /// Every table's row count and fingerprint, by name (`ops_schema_migrations` excluded: its times are the
    /// store's own).
    public static func fingerprint(_ store: Store) async throws -> [BackupManifest.Table] {
        var result: [BackupManifest.Table] = []
        for table in try await StoredTable.all(in: store) where table.name != migrationsTable {
            let digest = Digests()
            try await store.sql.raw(SQLQueryString(table.selectAll)).run { row in
                digest.add(try? table.values(of: row))
            }
            let (count, hex) = try digest.finish(table: table.name)
            result.append(.init(name: table.name, rows: count, sha256: hex))
        }
        return result
    }

    static let migrationsTable = "ops_schema_migrations"

    /// The newest applied migration.
    static func schemaVersion(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT MAX(version) AS v FROM ops_schema_migrations").first()?
            .value("v", as: Int?.self) ?? 0
    }

    static func readManifest(of file: URL) throws -> BackupManifest {
        let url = BackupManifest.url(of: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BackupError(.missingManifest, "\(url.path) is missing: a backup is the file and its manifest")
        }
        do {
            return try JSONDecoder().decode(BackupManifest.self, from: Data(contentsOf: url))
        } catch {
            throw BackupError(.unreadableManifest, "\(url.path) is not a backup manifest: \(error)")
        }
    }

    /// SHA-256 of a file, read in 1 MiB pieces.
    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }  // read-only handle
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
