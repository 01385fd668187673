import VaporCSQLite

/// The result columns of a statement: their names in order, and each name's position (the first, when a name
/// repeats).
///
/// Every value a reader decodes is looked up by its column's name (a date's feature rows alone are ~56,000 lookups),
/// and a `Dictionary<String, Int>` spends most of that in SipHash. The positions sit instead in an open-addressing
/// table keyed by FNV-1a of the name's UTF-8 bytes, confirmed by comparing the name.
final class SQLiteColumns: Sendable {
    /// The names, in result order.
    let names: [String]
    /// Positions by hash slot (−1: empty); its count is a power of two at least twice the names'.
    private let slots: [Int]

    init(names: [String]) {
        self.names = names
        var size = 4
        while size < names.count * 2 { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        for (position, name) in names.enumerated() {
            var slot = SQLiteColumns.hash(name) & (size - 1)
            while slots[slot] >= 0 && names[slots[slot]] != name { slot = (slot + 1) & (size - 1) }
            if slots[slot] < 0 { slots[slot] = position }  // a repeated name keeps its first position
        }
        self.slots = slots
    }

    /// The columns `statement` returns.
    convenience init(statement: OpaquePointer) {
        let count = sqlite_nio_sqlite3_column_count(statement)
        self.init(
            names: (0..<count).map { index in
                sqlite_nio_sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
            })
    }

    /// The number of columns.
    var count: Int { names.count }

    /// No columns (a statement run for its effect).
    static let none = SQLiteColumns(names: [])

    /// The position of the column called `name`.
    func position(of name: String) -> Int? {
        let mask = slots.count - 1
        var slot = SQLiteColumns.hash(name) & mask
        while slots[slot] >= 0 {
            if names[slots[slot]] == name { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a of `name`'s UTF-8 bytes.
    static func hash(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash)
        }
    }
}
