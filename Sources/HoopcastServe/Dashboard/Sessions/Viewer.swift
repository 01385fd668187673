/// Who is looking at a dashboard page: the live key of a signed-in session with the session's CSRF token, or nobody
/// (a public read, or a page that sends them to sign in).
struct Viewer: Sendable {
    /// The key the session was opened with, looked up on this request: nil when not signed in, or when the key was
    /// revoked since.
    var key: APIKey?
    /// The token every form of this session carries (nil without a session).
    var csrf: String?
    /// The request carried a session cookie that is no longer valid (expired, forged, its key revoked): the
    /// response clears it.
    var staleCookie = false

    /// Nobody signed in.
    static let anonymous = Viewer(key: nil, csrf: nil)

    var isSignedIn: Bool { key != nil }
    var isAdmin: Bool { key?.scope == .admin }
}
