import HTTPTypes
import Hummingbird

/// HTML responses of the dashboard: private (`no-store`), UTF-8.
enum HTMLPage {
    /// `model` rendered with `template`.
    static func response(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        html(DashboardTemplates.render(model, template: template), status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A `303 See Other` to `location` (a local path).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
