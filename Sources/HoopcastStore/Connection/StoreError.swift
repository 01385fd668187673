/// A warehouse failure with a stable code and a message that never contains bound values or secrets.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The store specification could not be understood.
        public static let invalidLocation = Code(name: "invalidLocation")
        /// The database could not be opened.
        public static let openFailed = Code(name: "openFailed")
        /// The database server could not be reached (refused, no answer, authentication failed).
        public static let unreachable = Code(name: "unreachable")
        /// A migration failed; the schema is left at the last good version.
        public static let migrationFailed = Code(name: "migrationFailed")
        /// The database has a newer schema than this binary knows.
        public static let schemaTooNew = Code(name: "schemaTooNew")
        /// The backend is not available in this build.
        public static let unsupportedBackend = Code(name: "unsupportedBackend")
        /// A query failed.
        public static let queryFailed = Code(name: "queryFailed")
        /// The server gave no answer within the client-side time limit (worth retrying).
        public static let timedOut = Code(name: "timedOut")
        /// A row did not have the expected shape.
        public static let decodingFailed = Code(name: "decodingFailed")
        public var description: String { name }
    }

    /// The failure kind.
    public let code: Code
    /// A human-readable explanation.
    public let message: String
    /// The underlying error, if any.
    public let underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        if let underlying { return "\(message) (\(underlying))" }
        return message
    }
}
