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
