import Crypto
internal import Foundation

/// Signs and checks what the dashboard hands to browsers, with one secret shared by every server of a store: the
/// session cookie `<key id>.<expiry>.<nonce>.<HMAC>`, the CSRF token of a session (an HMAC of its cookie) and the
/// token of the sign-in form (an HMAC of a random nonce kept in a short-lived cookie). Pure: no clock, no store.
struct SessionSigner: Sendable {
    /// A session as its cookie carries it.
    struct Session: Sendable, Hashable {
        /// The API key the session was opened with (looked up again on every request).
        var keyID: String
        /// When the session ends, in seconds since 1970.
        var expires: Int
        /// Random hex that tells sessions of one key apart (each has its own CSRF token).
        var nonce: String
    }

    let key: SymmetricKey

    init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    /// The cookie value of a session: `keyID.expires.nonce.hex(HMAC-SHA256("session|keyID|expires|nonce"))`.
    func cookie(for session: Session) -> String {
        let fields = "\(session.keyID).\(session.expires).\(session.nonce)"
        return "\(fields).\(mac("session|\(session.keyID)|\(session.expires)|\(session.nonce)"))"
    }

    /// The session a cookie value stands for: nil when it is malformed, not signed with this secret, or expired at
    /// `now` (seconds since 1970).
    func session(fromCookie value: String, now: Int) -> Session? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let expires = Int(parts[1]), expires > now,
            !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            !parts[2].isEmpty, parts[2].allSatisfy(\.isHexDigit),
            verify(String(parts[3]), "session|\(parts[0])|\(expires)|\(parts[2])")
        else { return nil }
        return Session(keyID: String(parts[0]), expires: expires, nonce: String(parts[2]))
    }

    /// The CSRF token of the session whose cookie value is `cookie`: every form of that session carries it.
    func csrfToken(forCookie cookie: String) -> String { mac("csrf|\(cookie)") }

    /// Whether `token` is the CSRF token of the session `cookie` (constant time).
    func checkCSRF(_ token: String, forCookie cookie: String) -> Bool { verify(token, "csrf|\(cookie)") }

    /// The token of the sign-in form shown with the nonce cookie `nonce`.
    func signInToken(nonce: String) -> String { mac("sign-in|\(nonce)") }

    /// Whether `token` belongs to the sign-in nonce `nonce` (constant time).
    func checkSignIn(_ token: String, nonce: String) -> Bool { verify(token, "sign-in|\(nonce)") }

    /// A random nonce for the sign-in form: 32 hex digits.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    private func mac(_ message: String) -> String {
        Self.hex(Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: key)))
    }

    private func verify(_ presented: String, _ message: String) -> Bool {
        guard let bytes = Self.bytes(hex: presented), bytes.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Array(message.utf8), using: key)
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }

    static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
