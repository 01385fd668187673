import Hummingbird

/// Security headers on every response: a Content-Security-Policy that allows only this origin's own scripts, styles
/// and images (no `unsafe-inline`, no framing), no MIME sniffing, no referrer beyond this origin.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = ServeContext

    /// The policy: everything from this origin only; forms post back here; no plugins, no framing.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Adds HSTS when the server runs TLS.
    let tls: Bool

    public init(tls: Bool) { self.tls = tls }

    public func handle(
        _ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        if tls { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}
