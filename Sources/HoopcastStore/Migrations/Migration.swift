/// One versioned schema change: DDL statements applied in one transaction and recorded in `ops_schema_migrations`.
public struct Migration: Sendable {
    /// Strictly increasing version number.
    public let version: Int
    /// Short description.
    public let name: String
    /// The DDL for a dialect. DDL never contains values from input.
    public let statements: @Sendable (Store.Dialect) -> [String]

    /// Creates a migration.
    public init(version: Int, name: String, statements: @escaping @Sendable (Store.Dialect) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
