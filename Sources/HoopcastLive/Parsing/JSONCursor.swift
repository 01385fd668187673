/// A JSON value together with its path, whose accessors throw ``PayloadError/Kind/schemaDrift`` naming the path.
public struct JSONCursor: Sendable {
    /// The value here.
    public let value: JSONValue
    /// The payload being read (source and endpoint for errors).
    public let context: PayloadContext
    private let location: Location

    /// Where a cursor is, built as the cursor descends and rendered only when a path is needed (errors).
    indirect enum Location: Sendable {
        case root
        case member(Location, String)
        case element(Location, Int)

        var rendered: String {
            switch self {
            case .root: return "$"
            case .member(let parent, let key): return parent.rendered + "." + key
            case .element(let parent, let index): return parent.rendered + "[\(index)]"
            }
        }
    }

    /// The JSON path of ``value``, e.g. `$.data[3].home_team`.
    public var path: String { location.rendered }

    /// A cursor at the document root.
    public init(_ value: JSONValue, context: PayloadContext) {
        self.value = value
        self.location = .root
        self.context = context
    }

    init(_ value: JSONValue, location: Location, context: PayloadContext) {
        self.value = value
        self.location = location
        self.context = context
    }

    /// A schema-drift error at this cursor.
    public func drift(_ reason: String) -> PayloadError {
        PayloadError(.schemaDrift, source: context.source, endpoint: context.endpoint, location: path, reason: reason)
    }

    /// The member `key` (must exist).
    public subscript(key: String) -> JSONCursor {
        get throws(PayloadError) {
            guard case .object(let members) = value else { throw drift("expected an object, found \(value.typeName)") }
            guard let member = members[key] else { throw drift("member '\(key)' is missing") }
            return JSONCursor(member, location: .member(location, key), context: context)
        }
    }

    /// The member `key`, nil when absent or null.
    public func optional(_ key: String) throws(PayloadError) -> JSONCursor? {
        guard case .object(let members) = value else { throw drift("expected an object, found \(value.typeName)") }
        guard let member = members[key], member != .null else { return nil }
        return JSONCursor(member, location: .member(location, key), context: context)
    }

    /// The elements of an array.
    public func array() throws(PayloadError) -> [JSONCursor] {
        guard case .array(let items) = value else { throw drift("expected an array, found \(value.typeName)") }
        return items.enumerated().map {
            JSONCursor($0.element, location: .element(location, $0.offset), context: context)
        }
    }

    /// The element at `index` of an array.
    public func element(_ index: Int) throws(PayloadError) -> JSONCursor {
        guard case .array(let items) = value else { throw drift("expected an array, found \(value.typeName)") }
        guard index < items.count else { throw drift("expected at least \(index + 1) elements, found \(items.count)") }
        return JSONCursor(items[index], location: .element(location, index), context: context)
    }

    /// The number of elements of an array.
    public func count() throws(PayloadError) -> Int {
        guard case .array(let items) = value else { throw drift("expected an array, found \(value.typeName)") }
        return items.count
    }

    /// A string.
    public func string() throws(PayloadError) -> String {
        guard case .string(let text) = value else { throw drift("expected a string, found \(value.typeName)") }
        return text
    }

    /// A number.
    public func number() throws(PayloadError) -> Double {
        guard case .number(let number) = value else { throw drift("expected a number, found \(value.typeName)") }
        return number
    }

    /// A whole number (a number or a numeric string).
    public func int() throws(PayloadError) -> Int {
        switch value {
        case .number(let number):
            guard let whole = Int(exactly: number) else { throw drift("expected a whole number, found \(number)") }
            return whole
        case .string(let text):
            guard let whole = Int(text) else { throw drift("expected a whole number, found '\(text)'") }
            return whole
        default:
            throw drift("expected a whole number, found \(value.typeName)")
        }
    }

    /// The value as the text a CSV cell would hold: strings as is, whole numbers without `.0`, null as "".
    public func cellText() -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "1" : "0"
        case .number(let number):
            if let whole = Int(exactly: number) { return String(whole) }
            return String(number)
        case .string(let text): return text
        case .array, .object: return ""
        }
    }
}

/// Which payload is being read: for error messages.
public struct PayloadContext: Sendable, Hashable {
    /// The source name.
    public var source: String
    /// The endpoint name.
    public var endpoint: String

    /// Creates a context.
    public init(source: String, endpoint: String) {
        self.source = source
        self.endpoint = endpoint
    }
}
