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
    /// Datasets whose stored rows this endpoint never overwrites: it only adds rows whose natural key is not stored
    /// yet (a fallback for a better source writing the same rows).
    public let keepsStored: Set<RawDataset>
    /// For cursor-paginated endpoints: the query parameter that asks for the next page and where the next cursor is
    /// in a page (`meta.next_cursor`); nil when the endpoint answers in one page.
    public let cursor: (parameter: String, path: [String])?
    /// Parses a gated JSON document.
    public let parse: @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows

    /// Creates an endpoint.
    public init(
        source: String, name: String, host: String, requiresRows: Bool = true,
        keepsStored: Set<RawDataset> = [], cursor: (parameter: String, path: [String])? = nil,
        parse: @escaping @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows
    ) {
        self.source = source
        self.name = name
        self.host = host
        self.requiresRows = requiresRows
        self.keepsStored = keepsStored
        self.cursor = cursor
        self.parse = parse
    }

    /// The cursor of the page after `body`, nil on the last page (or when the endpoint is not paginated).
    public func nextCursor(in body: [UInt8]) -> String? {
        // Called only for bodies that already passed the gate, so the document parses.
        guard let cursor, let value = try? JSONParser.parse(body) else { return nil }
        var node = value
        for key in cursor.path {
            guard case .object(let members) = node, let member = members[key] else { return nil }
            node = member
        }
        switch node {
        case .number(let number): return Int(exactly: number).map(String.init)
        case .string(let text): return text.isEmpty ? nil : text
        default: return nil
        }
    }

    /// Gates and parses a response body; a payload without rows where rows are required is ``PayloadError/Kind/noRows``.
    public func process(status: Int, contentType: String, body: [UInt8], context: ParseContext) throws(PayloadError)
        -> ParsedRows
    {
        let payload = PayloadContext(source: source, endpoint: name)
        let root = try PayloadGate.json(status: status, contentType: contentType, body: body, context: payload)
        let rows = try parse(root, context)
        if requiresRows, rows.total == 0 {
            throw PayloadError(
                .noRows, source: source, endpoint: name, reason: "the payload holds no rows for \(context.date)")
        }
        return rows
    }
}
