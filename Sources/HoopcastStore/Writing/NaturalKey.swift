import SQLKit

/// The SQL type of a natural-key column, used to rebuild keys of stored rows.
public enum KeyColumnType: Sendable { case text, int, double }

/// Builds natural-key strings identically from new rows and from stored rows.
public enum NaturalKey {
    /// One comparable string for a key's values.
    public static func make(_ values: [SQLValue]) -> String {
        values.map { value in
            switch value {
            case .int(let number): return String(number)
            case .double(let number): return String(number)
            case .text(let text): return text
            case .null: return "\u{0}"
            }
        }.joined(separator: "\u{1F}")
    }

    /// Decodes the key columns of a stored row.
    public static func values(of row: any SQLRow, columns: [(name: String, type: KeyColumnType)]) throws -> [SQLValue] {
        try columns.map { column in
            switch column.type {
            case .text: return .text(try row.value(column.name, as: String.self))
            case .int: return .int(try row.value(column.name, as: Int.self))
            case .double: return .double(try row.value(column.name, as: Double.self))
            }
        }
    }
}
