import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A Slack-style webhook on loopback: records every POSTed body; answers 500 (naming the path) while ``failing`` is set.
final class WebhookStub: Sendable {
    /// The path's secret part: the tests look for it in logs and the store.
    static let secret = "T000SECRET/B000SECRET/xoxoWebhookToken"

    private let bodies = Mutex<[String]>([])
    private let failures = Mutex<Bool>(false)

    /// The `text` of every message received, in order.
    var texts: [String] {
        bodies.withLock { $0 }.compactMap { body in
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["text"] as? String
        }
    }

    /// Whether the hook answers 500.
    var failing: Bool {
        get { failures.withLock { $0 } }
        set { failures.withLock { $0 = newValue } }
    }

    /// Runs `body` with the hook listening; its URL carries ``secret``.
    func serve<T: Sendable>(_ body: @Sendable (_ url: String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/services/**") { [self] request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 1 << 20))
            bodies.withLock { $0.append(text) }
            guard failing else { return Response(status: .ok) }
            // Like many a real server's error page, it names the path it was asked for: the secret.
            return Response(
                status: .internalServerError,
                body: .init(byteBuffer: ByteBuffer(string: "no hook at \(request.uri.path)")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/services/\(WebhookStub.secret)")
        }
    }
}
