import HoopcastCore

/// Why a fetch failed after the client's retries. Descriptions name the source, endpoint and host, never the URL's
/// query (which may carry a key).
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Hashable {
        /// The host's circuit breaker is open until the given instant; nothing was sent.
        case breakerOpen(until: WallInstant)
        /// Every attempt failed with a retryable outcome (429, 5xx, timeout, connection error).
        case retriesExhausted
        /// The server asked to wait longer than the policy's largest delay.
        case retryAfterTooLong(Duration)
        /// The body exceeded the policy's limit (bytes).
        case bodyTooLarge(Int)
    }

    /// The kind.
    public let kind: Kind
    /// The source name.
    public let source: String
    /// The endpoint name.
    public let endpoint: String
    /// The policy host.
    public let host: String
    /// Attempts made.
    public let attempts: Int
    /// The last outcome in words (`HTTP 503`, `timeout`, …).
    public let lastOutcome: String
    /// The last response, when there was one (archived with the error).
    public let lastResponse: TransportResponse?

    public var description: String {
        let what: String
        switch kind {
        case .breakerOpen: what = "circuit breaker open for \(host); not sent"
        case .retriesExhausted: what = "gave up after \(attempts) attempts (last: \(lastOutcome))"
        case .retryAfterTooLong(let delay):
            what = "server asked to retry after \(Int(delay.seconds)) s; not waiting that long"
        case .bodyTooLarge(let bytes): what = "body larger than \(bytes) bytes"
        }
        return "\(source)/\(endpoint): \(what)"
    }
}
