import Foundation

/// The most bytes a data file or payload may hold once decompressed (a plain file: on disk).
///
/// A gzip file that inflates without bound (a "gzip bomb") would otherwise take all memory: ``FileReader`` stops
/// inflating as soon as the output passes the limit and refuses a file larger than the limit before reading it.
/// The default, ``standard``, is 256 MiB: the largest real inputs unpack to about 30 MB and the HTTP client accepts
/// bodies up to 64 MiB (``HostPolicy/maxBodyBytes`` in HoopcastLive).
///
/// The limit in effect is, in order: a limit passed to ``FileReader/read(_:limit:)``; ``override`` bound for the
/// current task; `HOOPCAST_MAX_DECOMPRESSED_MB` (whole mebibytes), read once per process; ``standard``.
///
/// ```swift
/// let bytes = try FileReader.read(url, limit: .mebibytes(64))
/// try await ByteLimit.$override.withValue(.mebibytes(1)) { try await importer.importDirectory(dir, runID: id) }
/// ```
public struct ByteLimit: Sendable, Hashable, CustomStringConvertible {
    /// The limit in bytes (≥ 1).
    public let bytes: Int

    /// A limit of `bytes` bytes (≥ 1).
    public init(bytes: Int) {
        precondition(bytes >= 1, "a byte limit must be at least 1 byte")
        self.bytes = bytes
    }

    /// A limit of `count` mebibytes (1 MiB = 1,048,576 bytes).
    public static func mebibytes(_ count: Int) -> ByteLimit { ByteLimit(bytes: count << 20) }

    /// 256 MiB, the default.
    public static let standard = ByteLimit.mebibytes(256)

    /// The environment variable that replaces ``standard`` for a process: whole mebibytes, e.g. `512`.
    public static let environmentVariable = "HOOPCAST_MAX_DECOMPRESSED_MB"

    /// The limit `environment` sets through ``environmentVariable``; ``standard`` when it is unset or empty.
    public static func fromEnvironment(_ environment: [String: String]) throws(ByteLimitError) -> ByteLimit {
        guard let text = environment[environmentVariable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .standard
        }
        // At most 2^20 MiB (1 TiB), so that the byte count cannot overflow.
        guard let count = Int(text), (1...(1 << 20)).contains(count) else {
            throw ByteLimitError(variable: environmentVariable, value: text)
        }
        return .mebibytes(count)
    }

    /// This process's limit: the environment read once, at first use.
    static let process = Result<ByteLimit, ByteLimitError> { () throws(ByteLimitError) -> ByteLimit in
        try fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// A limit for the current task and its child tasks, over the environment's (tests; a caller that cannot pass
    /// one down to ``FileReader``).
    @TaskLocal public static var override: ByteLimit?

    /// The limit in effect here: ``override``, else the environment's, else ``standard``; throws when the
    /// environment variable is set to something that is not a limit.
    public static func inEffect() throws(ByteLimitError) -> ByteLimit {
        if let override { return override }
        return try process.get()
    }

    /// `256 MiB (268435456 bytes)`, or `1500 bytes` for a limit that is not whole mebibytes.
    public var description: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB (\(bytes) bytes)" : "\(bytes) bytes"
    }
}
