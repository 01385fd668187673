/// One GET to a live source: where, what, and which parts are secret.
public struct SourceRequest: Sendable, Hashable {
    /// The source name (`odds_api`, `nba_stats`, …).
    public var source: String
    /// The endpoint name within the source (`events`, `leaguegamelog`, …).
    public var endpoint: String
    /// The host whose policy, rate limit and breaker apply (the real upstream host, even when the base URL is
    /// overridden to a local stub).
    public var policyHost: String
    /// Scheme, host and optional port, without a trailing slash: `https://api.the-odds-api.com`.
    public var baseURL: String
    /// The path, starting with `/`.
    public var path: String
    /// Query parameters in order.
    public var query: [QueryItem]
    /// Request headers.
    public var headers: [QueryItem]

    /// A name and value; `secret` values are sent but never logged, archived or stored.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter or header name.
        public var name: String
        /// The value.
        public var value: String
        /// True for API keys.
        public var secret: Bool

        /// Creates an item.
        public init(_ name: String, _ value: String, secret: Bool = false) {
            self.name = name
            self.value = value
            self.secret = secret
        }
    }

    /// Creates a request.
    public init(
        source: String, endpoint: String, policyHost: String, baseURL: String, path: String,
        query: [QueryItem] = [], headers: [QueryItem] = []
    ) {
        self.source = source
        self.endpoint = endpoint
        self.policyHost = policyHost
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The URL actually sent, secrets included. Never log this.
    var urlWithSecrets: String { baseURL + path + QueryEncoding.encode(query.map { ($0.name, $0.value) }) }

    /// The parameters with every secret value replaced by `REDACTED`, as `a=1&b=2` (stored in the manifest).
    public var redactedParameters: String {
        let query = QueryEncoding.encode(query.map { ($0.name, $0.secret ? "REDACTED" : $0.value) })
        return query.isEmpty ? "" : String(query.dropFirst())
    }

    /// The path and the redacted query, `/v4/sports/…/odds?apiKey=REDACTED&…` (the manifest's `parameters`).
    public var redactedTarget: String {
        let query = redactedParameters
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    /// The values that must never appear in logs, the archive or the manifest.
    public var secretValues: [String] { (query + headers).filter(\.secret).map(\.value).filter { !$0.isEmpty } }
}

/// Percent-encoding of query strings (RFC 3986 unreserved characters kept).
enum QueryEncoding {
    static func encode(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: ","), UInt8(ascii: ":"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(UnicodeScalar(hex[Int(byte >> 4)])) + String(UnicodeScalar(hex[Int(byte & 15)]))
            }
        }
        return result
    }
}
