import HTTPTypes
import Hummingbird

/// Bearer-key authentication, scopes and rate limits for the API (`/v1`): admin routes (`/v1/admin`, `/metrics`) need an
/// `admin` key; other routes need a `read` key unless reads are public. A missing, malformed, unknown or revoked
/// key is 401, a key of too small a scope 403, a spent rate limit 429 with `Retry-After`. The key reaches the
/// handlers as ``RequestAuth/key``. Keys are never logged.
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = ServeContext

    let keys: KeyStore
    let publicRead: Bool
    let limiter: RateLimiter

    public init(keys: KeyStore, publicRead: Bool, limiter: RateLimiter) {
        self.keys = keys
        self.publicRead = publicRead
        self.limiter = limiter
    }

    /// The scope a path needs; nil for routes outside the API (health, the document, the dashboard).
    static func requiredScope(path: String) -> KeyScope? {
        if path == "/v1/admin" || path.hasPrefix("/v1/admin/") || path == "/metrics" { return .admin }
        if path == "/v1" || path.hasPrefix("/v1/") { return .read }
        return nil
    }

    public func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        guard let required = Self.requiredScope(path: request.uri.path) else { return try await next(request, context) }
        let key = try await authenticate(request, required: required)
        let client = key.map { "key:\($0.id)" } ?? "address:\(context.remoteAddress?.ipAddress ?? "unknown")"
        let wait = limiter.admit(client)
        guard wait == .zero else {
            let seconds = max(1, Int((wait / .seconds(1)).rounded(.up)))
            throw APIError(.tooManyRequests, "rate limit reached; retry in \(seconds) s", retryAfter: seconds)
        }
        return try await RequestAuth.$key.withValue(key) { try await next(request, context) }
    }

    /// The request's live key, nil for a public read without one; throws 401 or 403.
    func authenticate(_ request: Request, required: KeyScope) async throws -> APIKey? {
        guard let header = request.headers[.authorization] else {
            if required == .read && publicRead { return nil }
            throw APIError(.unauthorized, "an API key is required: send 'Authorization: Bearer <key>'")
        }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer ", let token = KeyToken(header.dropFirst(7))
        else { throw APIError(.unauthorized, "the Authorization header is not 'Bearer <key>' with a Hoopcast key") }
        guard let key = try await keys.authenticate(token) else {
            throw APIError(.unauthorized, "the API key is unknown or revoked")
        }
        guard key.scope.allows(required) else {
            throw APIError(.forbidden, "this route needs a key of scope '\(required.rawValue)'")
        }
        return key
    }
}
