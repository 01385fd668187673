import Foundation

/// What a backup holds, written beside it as `FILE.manifest.json`: the schema version, every table's row count and
/// content fingerprint (``TableDigest``, equal on both engines), and the SHA-256 of the backup file.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// One table of the backup.
    public struct Table: Codable, Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var sha256: String
    }

    /// `hoopcast-backup`.
    public var format: String
    /// The backup format's version (1: an SQLite database file).
    public var formatVersion: Int
    /// The warehouse schema version of the backup.
    public var schemaVersion: Int
    /// The engine the backup was taken from (`sqlite` or `postgres`).
    public var sourceEngine: String
    /// When the snapshot was taken (UTC).
    public var createdAt: String
    /// SHA-256 of the backup file, hex.
    public var fileSHA256: String
    /// Every table, by name.
    public var tables: [Table]

    /// Where the manifest of `file` lives.
    public static func url(of file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".manifest.json")
    }
}
