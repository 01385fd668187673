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
    /// How the endpoint asks for the page after one it got; nil when it answers in one page.
    public let paging: Paging?
    /// The query parameter that asks for the next page and where a page says where it is (the next cursor, or the
    /// page's number); nil when the endpoint answers in one page. See ``paging``.
    public var cursor: (parameter: String, path: [String])? {
        switch paging {
        case .cursor(let parameter, let path): return (parameter, path)
        case .numbered(let parameter, let page, _): return (parameter, page)
        case nil: return nil
        }
    }
    /// Parses a gated JSON document.
    public let parse: @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows

    /// Creates an endpoint.
    public init(
        source: String, name: String, host: String, requiresRows: Bool = true,
        keepsStored: Set<RawDataset> = [], paging: Paging? = nil,
        parse: @escaping @Sendable (JSONCursor, ParseContext) throws(PayloadError) -> ParsedRows
    ) {
        self.source = source
        self.name = name
        self.host = host
        self.requiresRows = requiresRows
        self.keepsStored = keepsStored
        self.paging = paging
        self.parse = parse
    }

    /// The value of ``cursor``'s parameter that asks for the page after `body`: the next cursor, or the next page's
    /// number; nil on the last page (or when the endpoint is not paginated).
    public func nextCursor(in body: [UInt8]) -> String? {
        // Called only for bodies that already passed the gate, so the document parses.
        guard let paging, let value = try? JSONParser.parse(body) else { return nil }
        switch paging {
        case .cursor(_, let path):
            switch LiveEndpoint.member(path, of: value) {
            case .number(let number): return Int(exactly: number).map(String.init)
            case .string(let text): return text.isEmpty ? nil : text
            default: return nil
            }
        case .numbered(_, let pagePath, let totalPath):
            guard let page = LiveEndpoint.whole(LiveEndpoint.member(pagePath, of: value)),
                let total = LiveEndpoint.whole(LiveEndpoint.member(totalPath, of: value)), page < total
            else { return nil }
            return String(page + 1)
        }
    }

    /// The value at `path` (object keys from the root), nil when any step is missing.
    static func member(_ path: [String], of value: JSONValue) -> JSONValue? {
        var node = value
        for key in path {
            guard case .object(let members) = node, let member = members[key] else { return nil }
            node = member
        }
        return node
    }

    /// A whole number written as a number or a numeric string.
    static func whole(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number): return Int(exactly: number)
        case .string(let text): return Int(text)
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
