internal import Foundation
import HTTPTypes
import HoopcastStore
import Hummingbird
import Logging
internal import OpenAPIRuntime

/// Turns every error below it into `{"error":{"code","message"}}` with the right status: ``APIError`` as it is,
/// Hummingbird's own (no route, body too large) by their status, the generated code's input errors as 400 naming the
/// parameter, an unreachable store as 503; anything else as 500 with the request id and nothing of the error itself
/// (logged in full instead).
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = ServeContext

    public init() {}

    public func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var apiError = Self.classify(error, requestID: context.id)
            if apiError.code == .notFound, apiError.message == APIError.noRoute.message {
                let allowed = DocumentRoutes.api.methods(for: request.uri.path)
                if !allowed.isEmpty {
                    apiError = APIError(
                        .methodNotAllowed,
                        "\(request.method) is not allowed here; use \(allowed.joined(separator: ", "))")
                    var response = Self.response(apiError)
                    response.headers[.allow] = allowed.joined(separator: ", ")
                    return response
                }
            }
            if apiError.code == .internal || apiError.code == .unavailable {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return Self.response(apiError)
        }
    }

    /// The response for an error.
    static func response(_ error: APIError) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(
            status: error.code.status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: error.body)))
    }

    /// What the client is told about `error`.
    static func classify(_ error: any Error, requestID: String) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            if let underlying = error.underlyingError as? APIError { return underlying }
            if isUnavailable(error.underlyingError) { return classify(error.underlyingError, requestID: requestID) }
            if error.operationInput == nil && !isUnavailable(error.underlyingError) {
                return APIError(.badRequest, inputErrorMessage(error))
            }
            return classify(error.underlyingError, requestID: requestID)
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return .noRoute
            case .contentTooLarge:
                return APIError(.payloadTooLarge, "the body exceeds \(ServeLimits.maxBodyBytes) bytes")
            case .methodNotAllowed: return APIError(.methodNotAllowed, "method not allowed on this route")
            case .badRequest: return APIError(.badRequest, "the request is malformed")
            default: return APIError(.internal, "internal error (request \(requestID))")
            }
        case _ where isUnavailable(error):
            return APIError(.unavailable, "the store cannot be reached; try again shortly", retryAfter: 5)
        default:
            return APIError(.internal, "internal error (request \(requestID))")
        }
    }

    /// Whether the store could not be reached (a connection refused or lost, a timeout, the server restarting).
    static func isUnavailable(_ error: any Error) -> Bool {
        if let store = error as? StoreError, store.code == .unreachable || store.code == .openFailed { return true }
        return TransientFailure.matches(error)
    }

    /// What is wrong with a request the generated code refused before reaching a handler: the parameter's name and
    /// the reason, from the runtime's own description (never a value of ours).
    static func inputErrorMessage(_ error: ServerError) -> String {
        var underlying = error.underlyingError
        while let wrapped = (underlying as? ServerError)?.underlyingError { underlying = wrapped }
        if let decoding = underlying as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
                if case .valueNotFound = decoding, context.codingPath.isEmpty,
                    let name = missingQueryItem(error.request.path, operationID: error.operationID)
                {
                    return "parameter '\(name)': is required"
                }
                if context.codingPath.isEmpty, let name = offendingQueryItem(error.request.path, context) {
                    return "parameter '\(name)': \(context.debugDescription)"
                }
                return describe(context)
            case .keyNotFound(let key, let context):
                let path = (context.codingPath + [key]).map(\.stringValue).filter { !$0.isEmpty }
                return "parameter '\(path.joined(separator: "."))': is required"
            @unknown default:
                return "invalid request: \(error.causeDescription)"
            }
        }
        // The runtime names what is missing: "Missing required query parameter named: q".
        if let range = error.causeDescription.range(of: "named: ") {
            return "parameter '\(error.causeDescription[range.upperBound...])': is required"
        }
        return "invalid request: \(error.causeDescription)"
    }

    /// The required query parameters of each operation (from `openapi.yaml`; `APIRouteTests` calls every operation
    /// without each of them and expects the 400 to name it). The generated code reports a missing one without its
    /// name.
    static let requiredQueryParameters = ["searchPlayers": ["q"], "getPerformance": ["from", "to"]]

    /// The first required query parameter of `operationID` that the request lacks.
    static func missingQueryItem(_ path: String?, operationID: String) -> String? {
        let present = Set(path.flatMap { URLComponents(string: $0)?.queryItems?.map(\.name) } ?? [])
        return requiredQueryParameters[operationID]?.first { !present.contains($0) }
    }

    /// The query parameter a decoding error without a coding path is about: the item holding the value an enum
    /// refused (`… invalid String value V`), or else the first item that is not a number (the document's other typed
    /// query parameters are numbers).
    static func offendingQueryItem(_ path: String?, _ context: DecodingError.Context) -> String? {
        guard let path, let items = URLComponents(string: path)?.queryItems, !items.isEmpty else { return nil }
        let marker = "invalid String value "
        if let range = context.debugDescription.range(of: marker) {
            let value = context.debugDescription[range.upperBound...]
            if let item = items.first(where: { $0.value == String(value) }) { return item.name }
        }
        return items.first {
            Double($0.value ?? "") == nil && !["cursor", "q", "team", "date", "from", "to"].contains($0.name)
        }?.name
    }

    static func describe(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }
        let name = path.isEmpty ? "body" : path.joined(separator: ".")
        return "parameter '\(name)': \(context.debugDescription)"
    }
}
