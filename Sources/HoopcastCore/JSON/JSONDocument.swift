import Foundation

/// The one JSON encoder of Hoopcast's output — exports, `--json` reports, API bodies: `Codable` values with
/// snake_case keys (`gameID` → `game_id`), sorted, pretty-printed, slashes unescaped.
public enum JSONDocument {
    /// An encoder with the house settings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text.
    public static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}

/// An optional that is encoded as `null` when absent, instead of leaving its key out (what the export schemas
/// require: every key present).
@propertyWrapper
public struct ExplicitNull<Value: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable {
    /// The value, nil for `null`.
    public var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
