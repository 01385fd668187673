import SQLKit

/// A table as the layer that owns it describes it: its name, its data columns in row order and its natural key.
/// Only the owning module builds SQL over the table; other modules use its typed readers and writers.
public struct TableDescription: Sendable {
    /// The table's name.
    public let name: String
    /// The data columns in row order, without the `content_hash` and `run_id` bookkeeping columns.
    public let columns: [String]
    /// The natural key (a subset of ``columns``) with its column types.
    public let key: [(name: String, type: KeyColumnType)]

    /// Describes a table; the key's columns must be among `columns`.
    public init(name: String, columns: [String], key: [(name: String, type: KeyColumnType)]) {
        precondition(Set(key.map(\.name)).isSubset(of: columns), "\(name): key columns must be data columns")
        self.name = name
        self.columns = columns
        self.key = key
    }

    /// The column list for a `SELECT` (identifiers from code, never input), each prefixed with `alias.` when given.
    public func selectList(alias: String? = nil) -> String {
        columns.map { column in alias.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }
}

/// A row type stored in one table: how it binds (``values`` in the table's column order) and decodes.
public protocol StoredRow: Sendable {
    /// The table the rows live in.
    static var table: TableDescription { get }
    /// The row's values in ``TableDescription/columns`` order.
    var storedValues: [SQLValue] { get }
    /// Decodes a row selected with the table's ``TableDescription/selectList(alias:)``; a ``StoreError`` naming the
    /// table, the row's key, the column and the value when a stored value does not parse.
    init(row: some SQLRow) throws
}
