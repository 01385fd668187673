import HoopcastCore
import SQLKit

extension SQLRow {
    /// Decodes a column, wrapping failures in a ``StoreError`` that names the column (never the value).
    public func value<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        do {
            return try decode(column: column, as: T.self)
        } catch {
            throw StoreError(.decodingFailed, "column \(column) is not a \(T.self)", underlying: error)
        }
    }
}

extension SQLRow {
    /// The text of `column` turned into a domain value by `parse`; a ``StoreError`` naming the table, the row's key,
    /// the column and the stored value when it does not parse (stored values are the warehouse's own, never
    /// secrets).
    ///
    /// `key` is only built when the value does not parse.
    public func parsed<T>(
        _ column: String, in table: String, key: @autoclosure () throws -> String, _ parse: (String) -> T?
    ) throws -> T {
        let text = try value(column, as: String.self)
        guard let parsed = parse(text) else {
            throw StoreError(
                .decodingFailed, "\(table) row \(try key()): column \(column) holds '\(text)', not a \(T.self)")
        }
        return parsed
    }
}
