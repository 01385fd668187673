/// A failed dashboard request.
struct ErrorView: Sendable {
    var layout: Layout
    var heading: String
    var message: String
    var status: Int
    var requestID: String?
}
