import SQLKit

/// A table of a store as its catalogue describes it, for copying and fingerprinting whole tables whatever the
/// layer: its name and its columns with the kind of value each holds.
public struct StoredTable: Sendable, Hashable, Codable {
    /// The kind of value a column holds, from its declared type.
    public enum Kind: String, Sendable, Hashable, Codable {
        case integer, double, text
    }

    /// A column and its kind.
    public struct Column: Sendable, Hashable, Codable {
        public var name: String
        public var kind: Kind
    }

    public var name: String
    public var columns: [Column]

    /// The kind of a declared SQL type (`INTEGER`, `BIGINT`, `DOUBLE PRECISION`, `TEXT`; PostgreSQL's
    /// `information_schema` spelling or SQLite's declaration).
    static func kind(declared type: String) -> Kind {
        let type = type.uppercased()
        if type.contains("INT") { return .integer }
        if type.contains("DOUBLE") || type.contains("REAL") || type.contains("FLOAT") || type.contains("NUMERIC") {
            return .double
        }
        return .text
    }

    /// Every table of the store (SQLite's internal tables excluded), by name — the order a restore inserts in,
    /// which puts `raw_import_quarantine` before the runs that reference it.
    static func all(in store: Store) async throws -> [StoredTable] {
        let db = store.sql
        switch store.dialect {
        case .sqlite:
            let names = try await db.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).all().map { try $0.value("name", as: String.self) }
            var tables: [StoredTable] = []
            for name in names {
                // PRAGMA takes no bound parameters; the name comes from the catalogue, never from input.
                let columns = try await db.raw("SELECT name, type FROM pragma_table_info(\(bind: name)) ORDER BY cid")
                    .all().map { row in
                        Column(
                            name: try row.value("name", as: String.self),
                            kind: kind(declared: try row.value("type", as: String.self)))
                    }
                tables.append(StoredTable(name: name, columns: columns))
            }
            return tables
        case .postgres:
            var byTable: [String: [Column]] = [:]
            for row in try await db.raw(
                """
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position
                """
            ).all() {
                byTable[try row.value("table_name", as: String.self), default: []].append(
                    Column(
                        name: try row.value("column_name", as: String.self),
                        kind: kind(declared: try row.value("data_type", as: String.self))))
            }
            return byTable.keys.sorted().map { StoredTable(name: $0, columns: byTable[$0]!) }
        }
    }

    /// `SELECT col, … FROM table` (identifiers from the catalogue, quoted).
    var selectAll: String {
        "SELECT " + columns.map { "\"\($0.name)\"" }.joined(separator: ", ") + " FROM \"\(name)\""
    }

    /// A row's values in column order.
    func values(of row: some SQLRow) throws -> [SQLValue] {
        try columns.map { column in
            switch column.kind {
            case .integer: return .int(try row.value(column.name, as: Int?.self))
            case .double: return .double(try row.value(column.name, as: Double?.self))
            case .text: return .text(try row.value(column.name, as: String?.self))
            }
        }
    }
}
