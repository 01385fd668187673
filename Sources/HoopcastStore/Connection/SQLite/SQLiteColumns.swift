import VaporCSQLite

/// The result columns of a statement: their names in order, and each name's position (the first, when a name
/// repeats).
final class SQLiteColumns: Sendable {
    /// The names, in result order.
    let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
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

    /// The position of the column called `name`.
    func position(of name: String) -> Int? { positions[name] }
}
