/// One HTTP exchange as the transport returned it.
public struct TransportResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers (names lower-cased).
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a transport could not produce a response.
public enum TransportFailure: Error, Sendable, Hashable {
    /// The connection or the whole exchange took longer than allowed.
    case timeout
    /// The body was larger than allowed (bytes).
    case bodyTooLarge(Int)
    /// Anything else the network reported (connection refused, TLS failure, reset…), described without the URL.
    case connection(String)
}

/// Sends one request. The production transport is ``AsyncHTTPTransport``; tests may use any other.
public protocol HTTPTransport: Sendable {
    /// Sends a GET to `url` with `headers`; `policy` gives the timeouts and the body limit.
    func get(url: String, headers: [(String, String)], policy: HostPolicy) async throws(TransportFailure)
        -> TransportResponse
}
