import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A request the stub received.
public struct StubRequest: Sendable, Hashable {
    /// The path without the query.
    public var path: String
    /// The raw query string ("" when none).
    public var query: String
    /// Headers (lower-cased names).
    public var headers: [String: String]
}

/// What the stub answers.
public struct StubResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers to send.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]
    /// How long to wait before answering (slower-than-timeout responses).
    public var delay: Duration
    /// Send only this many body bytes, then close the connection (a truncated body under a full Content-Length).
    public var truncateAfter: Int?

    /// Creates a response.
    public init(
        status: Int = 200, headers: [(String, String)] = [("Content-Type", "application/json")],
        body: [UInt8], delay: Duration = .zero, truncateAfter: Int? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.truncateAfter = truncateAfter
    }
}

/// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers with a handler: the stand-in for the live
/// sources in fault tests and benchmarks. It never listens on anything but loopback.
public final class StubServer: Sendable {
    /// The port it listens on.
    public let port: Int
    private let channel: any Channel
    private let requestLog: NIOLockedValueBox<[StubRequest]>

    /// The base URL, `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    public var requests: [StubRequest] { requestLog.withLockedValue { $0 } }

    /// Starts a server answering with `handler` on `group`'s event loops (the process-wide singleton unless a test
    /// wants loops that nothing else in the process can hold up).
    public static func start(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        _ handler: @escaping @Sendable (StubRequest) -> StubResponse
    ) async throws -> StubServer {
        let log = NIOLockedValueBox<[StubRequest]>([])
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(StubHandler(handler: handler, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw StubError.noPort }
        return StubServer(port: port, channel: channel, log: log)
    }

    private init(port: Int, channel: any Channel, log: NIOLockedValueBox<[StubRequest]>) {
        self.port = port
        self.channel = channel
        self.requestLog = log
    }

    /// Stops listening.
    public func shutdown() async throws { try await channel.close() }
}

/// The stub could not start.
public enum StubError: Error, Sendable { case noPort }

final class StubHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: @Sendable (StubRequest) -> StubResponse
    private let log: NIOLockedValueBox<[StubRequest]>
    private var head: HTTPRequestHead?

    init(handler: @escaping @Sendable (StubRequest) -> StubResponse, log: NIOLockedValueBox<[StubRequest]>) {
        self.handler = handler
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            var headers: [String: String] = [:]
            for header in head.headers { headers[header.name.lowercased()] = header.value }
            let request = StubRequest(
                path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
                headers: headers)
            log.withLockedValue { $0.append(request) }
            let response = handler(request)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let keepAlive = head.isKeepAlive
            if response.delay > .zero {
                context.eventLoop.scheduleTask(in: TimeAmount(response.delay)) {
                    StubHandler.send(response, context: bound.value, keepAlive: keepAlive)
                }
            } else {
                StubHandler.send(response, context: context, keepAlive: keepAlive)
            }
        }
    }

    static func send(_ response: StubResponse, context: ChannelHandlerContext, keepAlive: Bool) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: response.status),
            headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        let sent = response.truncateAfter.map { min($0, response.body.count) } ?? response.body.count
        var buffer = context.channel.allocator.buffer(capacity: sent)
        buffer.writeBytes(response.body[0..<sent])
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        if response.truncateAfter != nil {
            context.flush()
            context.close(promise: nil)
            return
        }
        if keepAlive {
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
