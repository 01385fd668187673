/// The sign-out confirmation, for `GET /logout`.
struct SignOutView: Sendable {
    var layout: Layout
    var formToken: String
}
