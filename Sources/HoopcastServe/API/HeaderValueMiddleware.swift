internal import Foundation
import HTTPTypes
internal import OpenAPIRuntime

/// Undoes the generated code's percent-encoding of the `ETag` response header: the runtime writes header values in
/// the URI "simple" style, which turns the quotes every entity tag needs (RFC 9110) into `%22`.
struct HeaderValueMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        for name in [HTTPField.Name.eTag, .cacheControl] {
            if let value = response.headerFields[name], let decoded = value.removingPercentEncoding {
                response.headerFields[name] = decoded
            }
        }
        return (response, responseBody)
    }
}
