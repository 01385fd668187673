import HoopcastCore

/// One kind of payload a live source serves: how to request it and how to parse it.
public struct LiveEndpoint: Sendable {
    /// `source.endpoint`, e.g. `odds_api.player_props` (the name `replay --source` takes).
    public var key: String { "\(source).\(name)" }
    /// The source name (`nba_stats`, `nba_cdn`, `bdl`, `odds_api`, `espn`, `bettingpros`).
    public let source: String
    /// The endpoint name.
    public let name: String
    /// The real upstream host (policy, rate limit and breaker key).
    public let host: String
    /// True when a payload with no rows means data is missing (a failure), false when empty is a valid answer.
    public let requiresRows: Bool
    /// Parses a gated JSON document.
    public let parse: @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows

    /// Creates an endpoint.
    public init(source: String, name: String, host: String, requiresRows: Bool = true,
                parse: @escaping @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows) {
        self.source = source
        self.name = name
        self.host = host
        self.requiresRows = requiresRows
        self.parse = parse
    }

    /// Gates and parses a response body; a payload without rows where rows are required is ``PayloadError/Kind/noRows``.
    public func process(status: Int, contentType: String, body: [UInt8], context: ParseContext) throws(PayloadError)
        -> ParsedRows {
        let payload = PayloadContext(source: source, endpoint: name)
        let root = try PayloadGate.json(status: status, contentType: contentType, body: body, context: payload)
        let rows = try parse(root, context)
        if requiresRows, rows.total == 0 {
            throw PayloadError(.noRows, source: source, endpoint: name, reason: "the payload holds no rows for \(context.date)")
        }
        return rows
    }
}
