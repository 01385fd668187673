import Testing

@testable import HoopcastServe

/// The dashboard's signed cookie and tokens, against HMAC-SHA256 values computed with Python's `hmac` module
/// (secret: the bytes 0…31).
@Suite struct DashboardSessionTests {
    static let signer = SessionSigner(secret: Array(0..<32))
    static let nonce = "00112233445566778899aabbccddeeff"
    static let session = SessionSigner.Session(keyID: "abc123def456", expires: 1_700_000_000, nonce: nonce)
    /// `hmac.new(bytes(range(32)), b"session|abc123def456|1700000000|" + nonce, "sha256").hexdigest()`
    static let mac = "19f4fb099a84cb4a15d7b48bd6a107abc2134e8bdb32cf7a5e79ab8eec93ad33"

    @Test func theCookieIsKeyExpiryAndTheirHMAC() {
        let cookie = Self.signer.cookie(for: Self.session)
        #expect(cookie == "abc123def456.1700000000.\(Self.nonce).\(Self.mac)")
        #expect(Self.signer.session(fromCookie: cookie, now: 1_699_999_999) == Self.session)
        // hmac.new(bytes(range(32)), ("csrf|" + cookie).encode(), "sha256").hexdigest()
        #expect(
            Self.signer.csrfToken(forCookie: cookie)
                == "f4099e1d8e90b7ce46f706a4768506886441b8846e6b2120dd22f8c34de53cc0")
    }

    @Test func aCookieIsRefusedWhenExpiredAlteredOrSignedWithAnotherSecret() {
        let cookie = Self.signer.cookie(for: Self.session)
        #expect(Self.signer.session(fromCookie: cookie, now: 1_700_000_000) == nil)
        let otherKey = "zzz123def456.1700000000.\(Self.nonce).\(Self.mac)"
        let longer = "abc123def456.1800000000.\(Self.nonce).\(Self.mac)"
        let otherNonce = "abc123def456.1700000000.00.\(Self.mac)"
        let flipped = "abc123def456.1700000000.\(Self.nonce)." + String(Self.mac.dropLast()) + "2"
        let forgeries = [
            otherKey, longer, otherNonce, flipped, "", "a.b.c.d", "abc123def456.1700000000.\(Self.mac)",
            cookie + ".x",
        ]
        for forged in forgeries {
            #expect(Self.signer.session(fromCookie: forged, now: 0) == nil, "\(forged)")
        }
        let other = SessionSigner(secret: Array(repeating: 7, count: 32))
        #expect(other.session(fromCookie: cookie, now: 0) == nil)
    }

    @Test func tokensBelongToOneSessionOrOneSignInForm() {
        let cookie = Self.signer.cookie(for: Self.session)
        let token = Self.signer.csrfToken(forCookie: cookie)
        #expect(Self.signer.checkCSRF(token, forCookie: cookie))
        // Another session of the same key, even opened in the same second, has a token of its own.
        let another = Self.signer.cookie(for: .init(keyID: "abc123def456", expires: 1_700_000_000, nonce: "ff"))
        #expect(!Self.signer.checkCSRF(token, forCookie: another))
        #expect(!Self.signer.checkCSRF("", forCookie: cookie) && !Self.signer.checkCSRF("zz", forCookie: cookie))
        let nonce = SessionSigner.nonce()
        #expect(nonce.count == 32 && nonce != SessionSigner.nonce())
        #expect(Self.signer.checkSignIn(Self.signer.signInToken(nonce: nonce), nonce: nonce))
        #expect(!Self.signer.checkSignIn(Self.signer.signInToken(nonce: nonce), nonce: SessionSigner.nonce()))
        // A session's CSRF token is no sign-in token and the other way round.
        #expect(!Self.signer.checkSignIn(token, nonce: cookie))
    }

    @Test func hexRoundTrips() {
        #expect(SessionSigner.hex([0, 1, 0xab, 0xff]) == "0001abff")
        #expect(SessionSigner.bytes(hex: "0001abff") == [0, 1, 0xab, 0xff])
        #expect(SessionSigner.bytes(hex: "0g") == nil && SessionSigner.bytes(hex: "abc") == nil)
        #expect(SessionSigner.bytes(hex: "AB") == nil)
    }

    @Test func onlyLocalPathsAreReturnedToAfterSigningIn() {
        #expect(DashboardQuery.localPath("/players/5?date=2024-01-15") == "/players/5?date=2024-01-15")
        for hostile in [
            "//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "/a\r\nSet-Cookie: x",
            "/é", nil,
        ] {
            #expect(DashboardQuery.localPath(hostile) == "/")
        }
    }
}
