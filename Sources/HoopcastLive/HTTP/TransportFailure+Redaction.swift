extension TransportFailure {
    /// The failure with every encoding of `redactor`'s secrets removed from its text (a network library's message
    /// may quote the URL, its query or a header value).
    public func redacted(by redactor: Redactor) -> TransportFailure {
        guard case .connection(let text) = self else { return self }
        return .connection(redactor.scrub(text))
    }

    /// The failure in words for logs: `timeout`, `body larger than N bytes`, or the connection error's text.
    public var detail: String {
        switch self {
        case .timeout: return "timeout"
        case .bodyTooLarge(let bytes): return "body larger than \(bytes) bytes"
        case .connection(let text): return text
        }
    }
}
