/// How `hoopcast serve` serves.
public struct ServeConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Reads (`/v1` outside `/v1/admin`) need no key.
    public var publicRead: Bool
    /// The most one request may take before it is answered 503.
    public var requestTimeout: Duration
    /// Requests a client (a key, or an address without one) may make per minute, and at once.
    public var requestsPerMinute: Double
    public var burst: Double
    /// PEM files of the certificate chain and private key: HTTPS only (with HSTS and `Secure` cookies) when set.
    public var tls: (certificateChain: String, privateKey: String)?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicRead: Bool = false,
        requestTimeout: Duration = .seconds(30), requestsPerMinute: Double = 600, burst: Double = 60,
        tls: (certificateChain: String, privateKey: String)? = nil
    ) {
        self.tls = tls
        self.host = host
        self.port = port
        self.publicRead = publicRead
        self.requestTimeout = requestTimeout
        self.requestsPerMinute = requestsPerMinute
        self.burst = burst
    }
}
