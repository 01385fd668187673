import HTTPTypes
import Hummingbird
import Logging

/// Answers a failed request for a page with an HTML error page of the same status: a dashboard path, or any path
/// outside `/v1` asked for by a browser (`Accept: text/html`). Everything else — the API, tools asking for JSON —
/// is left to ``ErrorMiddleware`` (`{"error":{"code","message"}}`), which classifies both alike.
struct DashboardErrorMiddleware: RouterMiddleware {
    typealias Context = ServeContext

    /// To show who is signed in on the error page.
    let sessions: DashboardSessions

    func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard Self.rendersHTML(request) else { throw error }
            let apiError = ErrorMiddleware.classify(error, requestID: context.id)
            if apiError.code == .internal || apiError.code == .unavailable {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            let viewer = await self.viewer(of: request)
            var response = HTMLPage.response(
                "error", Self.view(apiError, requestID: context.id, viewer: viewer), status: apiError.code.status)
            if let retryAfter = apiError.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    /// Whether an error of `request` is answered with a page.
    static func rendersHTML(_ request: Request) -> Bool {
        let path = request.uri.path
        if path == "/v1" || path.hasPrefix("/v1/") { return false }
        if path == "/" || Dashboard.pathPrefixes.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            return true
        }
        return request.headers[.accept]?.contains("text/html") ?? false
    }

    /// The viewer for the page's header; nobody when the session cannot be read (the store may be what failed).
    func viewer(of request: Request) async -> Viewer {
        do {
            return try await sessions.viewer(of: request)
        } catch {
            return .anonymous
        }
    }

    static func view(_ error: APIError, requestID: String, viewer: Viewer) -> ErrorView {
        let heading: String
        var message = error.message
        switch error.code {
        case .badRequest: heading = "Bad request"
        case .unauthorized: heading = "Sign in needed"
        case .forbidden: heading = "Not allowed"
        case .notFound:
            heading = "Not found"
            if message == "no such route" { message = "There is no page at this address." }
        case .methodNotAllowed: heading = "Not allowed"
        case .payloadTooLarge: heading = "Too large"
        case .tooManyRequests: heading = "Too many requests"
        case .unavailable: heading = "Temporarily unavailable"
        case .internal: heading = "Something went wrong"
        }
        return ErrorView(
            layout: Layout(title: heading, section: .none, viewer: viewer), heading: heading, message: message,
            status: Int(error.code.status.code), requestID: error.code == .internal ? requestID : nil)
    }
}
