import SQLKit
import SQLiteNIO

/// A value bound to a SQL parameter. Values always travel as binds, never inside SQL text.
public enum SQLValue: Sendable, Hashable, Encodable {
    /// 64-bit integer.
    case int(Int)
    /// Double-precision float.
    case double(Double)
    /// UTF-8 text.
    case text(String)
    /// SQL NULL.
    case null

    /// An optional integer (`nil` → NULL).
    public static func int(_ value: Int?) -> SQLValue { value.map(SQLValue.int) ?? .null }
    /// An optional double (`nil` → NULL).
    public static func double(_ value: Double?) -> SQLValue { value.map(SQLValue.double) ?? .null }
    /// An optional string (`nil` → NULL).
    public static func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

extension SQLValue: SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        switch sqliteData {
        case .integer(let value): self = .int(value)
        case .float(let value): self = .double(value)
        case .text(let value): self = .text(value)
        case .null: self = .null
        case .blob: return nil
        }
    }

    public var sqliteData: SQLiteData? {
        switch self {
        case .int(let value): return .integer(value)
        case .double(let value): return .float(value)
        case .text(let value): return .text(value)
        case .null: return .null
        }
    }
}

extension SQLValue: SQLExpression {
    /// Serialises as a bound parameter.
    public func serialize(to serializer: inout SQLSerializer) {
        serializer.write(bind: self)
    }
}
