import HoopcastCore
import HoopcastStore
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import OpenAPIHummingbird
internal import OpenAPIRuntime

/// The HTTP server: the API generated from `openapi.yaml`, health checks and the document, behind the request log,
/// error mapping, security headers and authentication, in that order from the outside in.
public struct HoopcastServer: Sendable {
    let configuration: ServeConfiguration
    let store: Store
    let keys: KeyStore
    let admin: AdminActions
    let clock: any WallClock
    let logger: Logger
    /// The process's metrics (served at `/metrics` to admin keys).
    public let metrics: ServeMetrics

    /// A server reading `store`; `admin` queues runs for the admin routes.
    public init(
        configuration: ServeConfiguration, store: Store, admin: AdminActions, clock: any WallClock = SystemClock(),
        metrics: ServeMetrics = ServeMetrics(), logger: Logger = Logger(label: "hoopcast.serve")
    ) {
        self.metrics = metrics
        self.configuration = configuration
        self.store = store
        self.keys = KeyStore(store: store, clock: clock)
        self.admin = admin
        self.clock = clock
        self.logger = logger
    }

    /// The router with every route and middleware.
    public func router() throws -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: SecurityHeadersMiddleware(tls: configuration.tls != nil))
        router.add(middleware: ErrorMiddleware())
        router.add(
            middleware: AuthMiddleware(
                keys: keys, publicRead: configuration.publicRead,
                limiter: RateLimiter(
                    requestsPerMinute: configuration.requestsPerMinute, burst: configuration.burst, clock: clock)))
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.get("/metrics") { [metrics, store] _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: try await metrics.scrape(store: store))))
        }
        let slates = VersionedCache<GameDate, [SlatePrediction]>(capacity: SlateReader.cachedDates)
        let handler = APIHandler(store: store, keys: keys, admin: admin, clock: clock, slates: slates)
        try handler.registerHandlers(
            on: router,
            middlewares: [APITimeoutMiddleware(limit: configuration.requestTimeout), HeaderValueMiddleware()])
        Dashboard(
            store: store, keys: keys, configuration: configuration, tls: configuration.tls != nil, clock: clock,
            slates: slates
        ).register(on: router)
        return router
    }

    /// Plain HTTP/1.1, or HTTPS with the configured certificate and key (a file that cannot be read or parsed is
    /// a ``TLSFileError`` naming it).
    func server() throws -> HTTPServerBuilder {
        guard let files = configuration.tls else { return .http1() }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificateChain)
        } catch {
            throw TLSFileError(role: "certificate chain", path: files.certificateChain, reason: "\(error)")
        }
        guard !chain.isEmpty else {
            throw TLSFileError(role: "certificate chain", path: files.certificateChain, reason: "no certificate in it")
        }
        do {
            key = try NIOSSLPrivateKey(file: files.privateKey, format: .pem)
        } catch {
            throw TLSFileError(role: "private key", path: files.privateKey, reason: "\(error)")
        }
        return try .tls(
            .http1(),
            tlsConfiguration: .makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key)))
    }

    /// The application, ready to run as a service; `onStarted` learns the address it listens on (`host:port`).
    public func application(onStarted: @escaping @Sendable (String) async -> Void = { _ in }) throws
        -> some ApplicationProtocol
    {
        Application(
            router: try router(),
            server: try server(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "hoopcast"),
            onServerRunning: { channel in
                let address = channel.localAddress
                await onStarted("\(address?.ipAddress ?? "?"):\(address?.port ?? 0)")
            },
            logger: logger)
    }
}
