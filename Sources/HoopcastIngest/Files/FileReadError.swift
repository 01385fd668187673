/// A file could not be read or decompressed. The description names the file and, when the file was too large,
/// the limit.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The file could not be opened or read.
        public static let unreadable = Code("unreadable")
        /// The gzip data is corrupt or truncated.
        public static let corrupt = Code("corrupt")
        /// The file, or its decompressed content, is larger than the ``ByteLimit`` in effect.
        public static let tooLarge = Code("too_large")
        /// ``ByteLimit/environmentVariable`` is set to something that is not a limit.
        public static let invalidLimit = Code("invalid_limit")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The file name.
    public let file: String
    /// What went wrong.
    public let reason: String
    /// The limit that was exceeded (``Code/tooLarge`` only).
    public let limit: ByteLimit?

    /// Creates an error.
    public init(_ code: Code, file: String, reason: String, limit: ByteLimit? = nil) {
        self.code = code
        self.file = file
        self.reason = reason
        self.limit = limit
    }

    public var description: String { "\(file): \(reason)" }
}
