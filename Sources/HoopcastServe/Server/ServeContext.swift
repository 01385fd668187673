import Hummingbird
import NIOCore

/// The request context of `hoopcast serve`: Hummingbird's core storage and the client's address (the rate limit's
/// key for requests without an API key).
public struct ServeContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies are small JSON documents and sign-in forms.
    public var maxUploadSize: Int { ServeLimits.maxBodyBytes }
}

/// Fixed limits of the server.
public enum ServeLimits {
    /// The largest request body accepted (413 beyond).
    public static let maxBodyBytes = 64 * 1024
}
