/// A TLS file of `serve --tls-cert/--tls-key` could not be used.
public struct TLSFileError: Error, Sendable, CustomStringConvertible {
    /// `certificate chain` or `private key`.
    public let role: String
    /// The file.
    public let path: String
    /// Why (the TLS library's words; never the key's contents).
    public let reason: String

    public var description: String { "the TLS \(role) \(path) cannot be used: \(reason)" }
}
