import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A Slack-compatible incoming webhook: one HTTP POST of `{"text": …}` per message (Slack, Mattermost, Rocket.Chat
/// and most chat tools accept it). The URL is a secret: it never appears in an error.
public struct WebhookRoute: AlertRoute {
    public let name = "webhook"
    public let minimum: AlertSeverity
    let url: String
    let timeout: Duration
    let client: HTTPClient

    /// A route posting to `url` (secret), giving up on an attempt after `timeout`.
    public init(
        url: String, minimum: AlertSeverity, timeout: Duration = .seconds(10), client: HTTPClient = .shared
    ) {
        self.url = url
        self.minimum = minimum
        self.timeout = timeout
        self.client = client
    }

    struct Payload: Encodable {
        let text: String
    }

    public func deliver(_ message: AlertMessage) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(Payload(text: message.text))))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: TimeAmount(timeout))
        } catch {
            throw RouteError(route: name, reason: "no answer: \(error)")
        }
        // Drain (and bound) the body so the connection can be reused.
        let body = String(buffer: try await response.body.collect(upTo: 64 * 1024))
        guard (200..<300).contains(response.status.code) else {
            throw RouteError(route: name, reason: "HTTP \(response.status.code): \(body.prefix(200))")
        }
    }
}

/// A route did not take a message. Its text is scrubbed of the route's secrets before it is logged or stored.
public struct RouteError: Error, Sendable, CustomStringConvertible {
    /// The route's name.
    public let route: String
    /// What happened.
    public let reason: String

    /// Creates an error.
    public init(route: String, reason: String) {
        self.route = route
        self.reason = reason
    }

    public var description: String { "\(route): \(reason)" }
}
