/// The sign-in form: an API key, the form's token and where to go afterwards.
struct SignInView: Sendable {
    var layout: Layout
    /// The token the form carries (checked against the nonce cookie sent with it).
    var token: String
    /// The local path to return to.
    var next: String
    /// Why the last attempt failed.
    var error: String?
    /// A note (signed out, the session ended).
    var notice: String?
    /// Who is signed in already, when someone is.
    var signedInAs: String?
}
