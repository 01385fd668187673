import HoopcastCore
import Hummingbird

/// Dashboard sessions: a stateless cookie `<key id>.<expiry>.<nonce>.<HMAC>` signed with the store's shared secret (so any
/// server of the store accepts it) whose key is looked up on every request (so revoking the key signs the session
/// out at once, everywhere). Cookies are `HttpOnly`, `SameSite=Strict`, `Path=/`, and `Secure` when the server runs
/// TLS.
struct DashboardSessions: Sendable {
    /// The session cookie.
    static let cookieName = "hoopcast_session"
    /// The sign-in form's nonce cookie (CSRF protection of the sign-in itself).
    static let signInCookieName = "hoopcast_sign_in"

    let keys: KeyStore
    let secrets: SessionSecretStore
    let clock: any WallClock
    /// Whether cookies are marked `Secure`.
    let tls: Bool
    /// How long a session lasts after signing in.
    var lifetime: Duration = .seconds(12 * 3600)

    var now: Int { Int(clock.now.sinceEpoch.components.seconds) }

    func signer() async throws -> SessionSigner { SessionSigner(secret: try await secrets.secret()) }

    /// The viewer of `request`: its session cookie checked (signature, expiry) and its key looked up (live, not
    /// revoked).
    func viewer(of request: Request) async throws -> Viewer {
        guard let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty else { return .anonymous }
        let signer = try await signer()
        guard let session = signer.session(fromCookie: cookie, now: now),
            let key = try await keys.key(id: session.keyID), !key.isRevoked
        else { return Viewer(key: nil, csrf: nil, staleCookie: true) }
        return Viewer(key: key, csrf: signer.csrfToken(forCookie: cookie))
    }

    /// Whether `token` is the CSRF token of the request's session cookie (constant time); false without one. The
    /// session itself (its key still live) is checked by ``viewer(of:)``.
    func checkCSRF(_ token: String?, request: Request) async throws -> Bool {
        guard let token, let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty else { return false }
        return try await signer().checkCSRF(token, forCookie: cookie)
    }

    /// The cookie of a new session of `key`.
    func open(for key: APIKey) async throws -> Cookie {
        let session = SessionSigner.Session(
            keyID: key.id, expires: now + Int(lifetime.components.seconds), nonce: SessionSigner.nonce())
        return cookie(
            Self.cookieName, try await signer().cookie(for: session), maxAge: Int(lifetime.components.seconds))
    }

    /// A cookie that removes `name` from the browser.
    func clearing(_ name: String) -> Cookie { cookie(name, "", maxAge: 0) }

    /// A sign-in form's nonce cookie and the token its form carries.
    func signInChallenge() async throws -> (cookie: Cookie, token: String) {
        let nonce = SessionSigner.nonce()
        return (cookie(Self.signInCookieName, nonce, maxAge: 3600), try await signer().signInToken(nonce: nonce))
    }

    /// Whether a sign-in form's token matches the nonce cookie the browser sent.
    func checkSignIn(token: String, request: Request) async throws -> Bool {
        guard let nonce = request.cookies[Self.signInCookieName]?.value, !nonce.isEmpty else { return false }
        return try await signer().checkSignIn(token, nonce: nonce)
    }

    private func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: tls, httpOnly: true, sameSite: .strict)
    }
}
