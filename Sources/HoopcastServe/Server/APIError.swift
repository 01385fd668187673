internal import Foundation
import HTTPTypes

/// An error the API answers with `{"error":{"code","message"}}` and the code's status. Messages are written for the
/// client: they name the parameter or key at fault, never a stack trace, SQL or a secret.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's kind, as the document's `Error.code` enumerates it.
    public enum Code: String, Sendable, Hashable, Codable {
        case badRequest = "bad_request"
        case unauthorized
        case forbidden
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case payloadTooLarge = "payload_too_large"
        case tooManyRequests = "too_many_requests"
        case unavailable
        case `internal`

        /// The HTTP status of the code.
        public var status: HTTPResponse.Status {
            switch self {
            case .badRequest: .badRequest
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .payloadTooLarge: .contentTooLarge
            case .tooManyRequests: .tooManyRequests
            case .unavailable: .serviceUnavailable
            case .internal: .internalServerError
            }
        }
    }

    public let code: Code
    public let message: String
    /// Seconds to wait before retrying (429 and 503).
    public var retryAfter: Int?

    public init(_ code: Code, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    /// No route has the request's path.
    static let noRoute = APIError(.notFound, "no such route")

    /// A query, path or body parameter that is invalid.
    public static func invalid(_ parameter: String, _ reason: String) -> APIError {
        APIError(.badRequest, "parameter '\(parameter)': \(reason)")
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// The response body.
    var body: Data {
        struct Envelope: Encodable {
            struct Detail: Encodable {
                let code: String
                let message: String
            }
            let error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(Envelope(error: .init(code: code.rawValue, message: message)))) ?? Data()
    }
}
