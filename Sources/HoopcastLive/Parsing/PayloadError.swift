/// A fetched payload that cannot be trusted: the typed failure stored with the payload in the manifest.
///
/// Never an empty success: an adapter that cannot read what it expected throws one of these.
public struct PayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The body was empty.
        case emptyBody = "empty_body"
        /// The body was an HTML page (an error or block page) where JSON was expected.
        case html
        /// The response's content type was not JSON.
        case wrongContentType = "wrong_content_type"
        /// The body is not valid JSON (for example truncated).
        case invalidJSON = "invalid_json"
        /// The body is a JSON error object from the source (`{"message": …}`).
        case errorResponse = "error_response"
        /// The JSON does not have the expected shape (a member is missing or of another type).
        case schemaDrift = "schema_drift"
        /// The payload is well formed but holds none of the rows the endpoint must provide.
        case noRows = "no_rows"
        /// The HTTP status was not a success.
        case httpStatus = "http_status"
    }

    /// The kind.
    public let kind: Kind
    /// The source name.
    public var source: String
    /// The endpoint name.
    public var endpoint: String
    /// Where in the payload: a JSON path like `$.resultSets[0].headers`, or `byte 1234`.
    public let location: String
    /// What is wrong, in words.
    public let reason: String

    /// Creates an error.
    public init(_ kind: Kind, source: String, endpoint: String, location: String = "$", reason: String) {
        self.kind = kind
        self.source = source
        self.endpoint = endpoint
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(source)/\(endpoint): \(kind.rawValue) at \(location): \(reason)" }
}
