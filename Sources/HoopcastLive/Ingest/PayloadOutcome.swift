/// What became of one payload: parsed and written, or rejected with a typed error.
public struct PayloadOutcome: Sendable, Codable {
    /// `source.endpoint`.
    public var endpoint: String
    /// Redacted request parameters.
    public var parameters: String
    /// The HTTP status (0 when no response arrived).
    public var httpStatus: Int
    /// The archived payload's SHA-256 ("" when nothing arrived).
    public var sha256: String
    /// Rows parsed per dataset.
    public var parsed: [String: Int]
    /// What was written per dataset (empty for a dry run or a failure).
    public var writes: [DatasetWrite]
    /// Row-level rejections (quarantined), as text.
    public var issues: [String]
    /// The failure kind (`schema_drift`, `html`, `fetch`, …) when the payload was refused.
    public var errorKind: String?
    /// The failure in words.
    public var error: String?
    /// What the parser skipped, by reason (``ParsedRows/skipped``); nil when nothing was.
    public var skipped: [String: Int]? = nil

    /// True when the payload was refused or never arrived.
    public var failed: Bool { error != nil }
}
