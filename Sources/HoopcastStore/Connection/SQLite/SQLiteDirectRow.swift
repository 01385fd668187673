import SQLKit
import SQLiteKit
import SQLiteNIO

/// A row of ``SQLiteDirectDatabase``: `Int`, `Double`, `String` and their optionals are read straight from the
/// `SQLiteData` with SQLiteNIO's own rules (an integer column reads as a `Double`; text does not read as a number);
/// any other type, or a value those rules refuse, goes through SQLiteKit's decoder, which then gives its usual
/// result or error.
struct SQLiteDirectRow: SQLRow {
    /// The result the row belongs to.
    let rows: SQLiteRows
    /// The row's position in it.
    let index: Int
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { rows.columns.names }

    func contains(column: String) -> Bool { rows.columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool { (data(column) ?? .null) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let data = data(column) else { throw MissingColumn(column: column) }
        if let value = SQLiteDirectRow.direct(data, as: D.self) { return value }
        return try decoder.decode(D.self, from: data)
    }

    private func data(_ column: String) -> SQLiteData? {
        rows.columns.position(of: column).map { rows.value(row: index, position: $0) }
    }

    /// The value for the direct types, nil otherwise (the caller then uses the decoder).
    ///
    /// The types are told apart by their metadata's identity, computed once: spelling `Int?.self` here looked up the
    /// generic `Optional<Int>` metadata in the runtime's locked cache for every decoded value (~4% of a backfill).
    static func direct<D>(_ data: SQLiteData, as type: D.Type) -> D? {
        let id = ObjectIdentifier(D.self)
        if id == Identity.int, let value = int(data) { return unsafeBitCast(value, to: D.self) }
        if id == Identity.double, let value = double(data) { return unsafeBitCast(value, to: D.self) }
        if id == Identity.string, case .text(let value) = data { return unsafeBitCast(value, to: D.self) }
        if id == Identity.optionalInt, let value = optional(data, int) { return unsafeBitCast(value, to: D.self) }
        if id == Identity.optionalDouble, let value = optional(data, double) {
            return unsafeBitCast(value, to: D.self)
        }
        if id == Identity.optionalString,
            let value = optional(data, { if case .text(let text) = $0 { text } else { nil } })
        {
            return unsafeBitCast(value, to: D.self)
        }
        return nil
    }

    /// The direct types' metadata identities.
    private enum Identity {
        static let int = ObjectIdentifier(Int.self)
        static let double = ObjectIdentifier(Double.self)
        static let string = ObjectIdentifier(String.self)
        static let optionalInt = ObjectIdentifier(Int?.self)
        static let optionalDouble = ObjectIdentifier(Double?.self)
        static let optionalString = ObjectIdentifier(String?.self)
    }

    private static func int(_ data: SQLiteData) -> Int? {
        if case .integer(let value) = data { value } else { nil }
    }

    private static func double(_ data: SQLiteData) -> Double? {
        switch data {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    /// `.some(nil)` for NULL, `.some(value)` when `read` converts it, nil when it does not.
    private static func optional<T>(_ data: SQLiteData, _ read: (SQLiteData) -> T?) -> T?? {
        if case .null = data { return .some(nil) }
        return read(data).map { .some($0) }
    }
}

/// A column the row does not have.
struct MissingColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "no column \(column) in the result" }
}
