import Crypto
import Hummingbird

/// The dashboard's static files, served from constants in the binary: the style sheet, the script and the icon.
/// Their paths carry a digest of their content, so they are cached for a year and a new build is fetched at once.
enum DashboardAssets {
    struct Asset: Sendable {
        var path: String
        var contentType: String
        var body: String
    }

    static let css = asset("app", "css", "text/css; charset=utf-8", DashboardStyleSheet.text)
    static let js = asset("app", "js", "text/javascript; charset=utf-8", DashboardScript.text)
    static let icon = asset("icon", "svg", "image/svg+xml", iconSVG)

    static var cssPath: String { css.path }
    static var jsPath: String { js.path }
    static var iconPath: String { icon.path }

    /// A basketball: an orange disc with its seams.
    static let iconSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
        <circle cx="16" cy="16" r="15" fill="#e8751a" stroke="#7a3a06" stroke-width="1.5"/>
        <path d="M1 16h30M16 1v30M5.5 5.5c5 4 5 17 0 21M26.5 5.5c-5 4-5 17 0 21" fill="none" stroke="#7a3a06" \
        stroke-width="1.5"/>
        </svg>

        """

    static func asset(_ name: String, _ suffix: String, _ contentType: String, _ body: String) -> Asset {
        let digest = SHA256.hash(data: Array(body.utf8)).prefix(6).map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        return Asset(path: "/assets/\(name)-\(digest).\(suffix)", contentType: contentType, body: body)
    }

    /// Adds a route per asset to `router`.
    static func register(on router: Router<ServeContext>) {
        for asset in [css, js, icon] {
            router.get(RouterPath(asset.path)) { _, _ in
                Response(
                    status: .ok,
                    headers: [
                        .contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: asset.body)))
            }
        }
    }
}
