import HTTPTypes
import HoopcastStore
internal import OpenAPIRuntime

/// Gives every API operation at most `limit`: an operation still running then is cancelled and answered 503
/// (`unavailable`, retry later), so a slow or stuck store never holds a client forever.
struct APITimeoutMiddleware: ServerMiddleware {
    let limit: Duration

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let limit = limit
        return try await withoutActuallyEscaping(next) { next in
            try await TimeLimit.run(
                limit: limit,
                timeout: { APIError(.unavailable, "the request took longer than \(limit)", retryAfter: 5) },
                { try await next(request, body, metadata) })
        }
    }
}
