import Foundation
import HoopcastCore
import HoopcastIngest

/// The immutable raw archive: every fetched payload gzip-compressed, content-addressed by the SHA-256 of its
/// bytes, laid out as `ROOT/<source>/<YYYY-MM-DD>/<sha256>.json.gz`. A payload already stored is never rewritten.
public struct RawArchive: Sendable {
    /// The archive's root directory.
    public let root: URL

    /// An archive rooted at `root` (created on first write).
    public init(root: URL) { self.root = root }

    /// Where a payload lives, relative to ``root``.
    public static func relativePath(source: String, date: GameDate, sha256: String) -> String {
        "\(source)/\(date.description)/\(sha256).json.gz"
    }

    /// Stores `body` (unless already stored); returns its SHA-256 and relative path. Pass `sha256` when already
    /// computed.
    @discardableResult
    public func store(_ body: [UInt8], source: String, date: GameDate, sha256: String? = nil) throws(ArchiveError)
        -> (sha256: String, path: String)
    {
        let sha = sha256 ?? ContentAddress.sha256Hex(body)
        let relative = RawArchive.relativePath(source: source, date: date, sha256: sha)
        let target = root.appendingPathComponent(relative)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return (sha, relative) }
        do {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(sha).\(UInt32.random(in: 0...UInt32.max)).tmp")
            try Data(Gzip.compress(body)).write(to: temporary)
            try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: temporary.path)
            if manager.fileExists(atPath: target.path) {
                try manager.removeItem(at: temporary)  // another writer stored the same content meanwhile
            } else {
                try manager.moveItem(at: temporary, to: target)
            }
        } catch {
            throw ArchiveError(path: relative, reason: "cannot store: \(error.localizedDescription)")
        }
        return (sha, relative)
    }

    /// The original bytes of an archived payload; the SHA-256 is checked against the file name.
    public func load(_ relativePath: String) throws(ArchiveError) -> [UInt8] {
        let url = root.appendingPathComponent(relativePath)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(url)
        } catch {
            throw ArchiveError(path: relativePath, reason: error.reason)
        }
        let expected = url.lastPathComponent.split(separator: ".").first.map(String.init) ?? ""
        guard ContentAddress.sha256Hex(bytes) == expected else {
            throw ArchiveError(path: relativePath, reason: "content does not match its SHA-256 name (corrupt archive)")
        }
        return bytes
    }
}

/// The archive could not store or read a payload.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    /// The relative path.
    public let path: String
    /// What went wrong.
    public let reason: String
    public var description: String { "archive \(path): \(reason)" }
}
