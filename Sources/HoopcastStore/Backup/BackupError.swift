/// A backup or restore that cannot be done, naming the file or store and what is wrong with it.
public struct BackupError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        case exists, missingManifest, unreadableManifest, checksumMismatch, contentMismatch, targetNotEmpty
        case schemaMismatch
    }

    public let code: Code
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
