import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The production transport over async-http-client.
///
/// TLS certificates are always verified (async-http-client's default); there is deliberately no option to turn
/// verification off. Redirects are not followed. One underlying client exists per connect timeout, because async-http-client sets the
/// connect timeout per client.
public final class AsyncHTTPTransport: HTTPTransport, Sendable {
    private let clients: [Duration: HTTPClient]

    /// Creates clients for the connect timeouts the policies use, on `eventLoopGroup` (the process-wide singleton
    /// unless the caller owns loops of its own, as the fault tests do).
    public init(
        connectTimeouts: Set<Duration>,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        var clients: [Duration: HTTPClient] = [:]
        for timeout in connectTimeouts {
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: TimeAmount(timeout))
            // No redirects: one would bypass the host's policy and could carry a key header to another host; a 3xx
            // comes back as a response and fails the payload gate.
            configuration.redirectConfiguration = .disallow
            configuration.httpVersion = .automatic
            // A refused or failed connection fails the attempt at once; LiveHTTPClient's retry policy (bounded,
            // jittered, breaker-aware) decides what happens next. async-http-client's own default kept retrying
            // the connection with backoff until the connect timeout, so a refused port cost 10 s per attempt.
            configuration.connectionPool.retryConnectionEstablishment = false
            clients[timeout] = HTTPClient(eventLoopGroupProvider: .shared(eventLoopGroup), configuration: configuration)
        }
        self.clients = clients
    }

    /// Closes every connection; call once when done.
    public func shutdown() async throws {
        for client in clients.values { try await client.shutdown() }
    }

    public func get(url: String, headers: [(String, String)], policy: HostPolicy) async throws(TransportFailure)
        -> TransportResponse
    {
        guard let client = clients[policy.connectTimeout] else {
            throw .connection("no client for a connect timeout of \(policy.connectTimeout.seconds) s")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: TimeAmount(policy.totalTimeout))
            let body = try await response.body.collect(upTo: policy.maxBodyBytes)
            var headerMap: [String: String] = [:]
            for header in response.headers { headerMap[header.name.lowercased()] = header.value }
            return TransportResponse(
                status: Int(response.status.code), headers: headerMap,
                body: Array(body.readableBytesView))
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout: throw .timeout
            default: throw .connection(String(describing: error))
            }
        } catch let error as NIOTooManyBytesError {
            throw .bodyTooLarge(error.maxBytes ?? policy.maxBodyBytes)
        } catch {
            throw .connection(String(describing: type(of: error)))
        }
    }
}
