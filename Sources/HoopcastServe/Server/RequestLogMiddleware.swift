import Hummingbird
import Logging

/// One structured log line per request: method, path (never the query's values beyond the path, never a header —
/// so no key or cookie), status, duration and the request id Hummingbird puts in the logger's metadata, which is also
/// returned as `X-Request-Id`.
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = ServeContext

    public init() {}

    public func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.init("X-Request-Id")!] = context.id
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)",
                "status": "\(response.status.code)",
                "ms":
                    "\(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000 + Double(elapsed.components.seconds) * 1000)",
            ])
        return response
    }
}
