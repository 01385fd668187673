import SQLKit

/// One versioned schema change, applied in one transaction and recorded in `ops_schema_migrations`: DDL statements,
/// or — where the change depends on what the store holds — a body that reads the schema and writes it.
public struct Migration: Sendable {
    /// Strictly increasing version number.
    public let version: Int
    /// Short description.
    public let name: String
    /// Applies the change through the migration's transaction, for the store's dialect.
    let apply: @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void

    /// Creates a migration of DDL statements for a dialect. DDL never contains values from input.
    public init(version: Int, name: String, statements: @escaping @Sendable (Store.Dialect) -> [String]) {
        self.init(version: version, name: name) { db, dialect in
            for statement in statements(dialect) { try await db.raw(SQLQueryString(statement)).run() }
        }
    }

    /// Creates a migration that runs `apply` inside its transaction.
    init(
        version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, Store.Dialect) async throws -> Void
    ) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
