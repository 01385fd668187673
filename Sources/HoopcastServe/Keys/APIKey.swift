import HoopcastCore
import HoopcastStore
import SQLKit

/// One API key as stored in `ops_api_keys`: never the secret, only its SHA-256.
public struct APIKey: StoredRow, Hashable {
    /// The public part of the key (`hc_<id>_…`), used to find its row.
    public var id: String
    /// A label chosen by whoever made it.
    public var name: String
    public var scope: KeyScope
    /// Hex SHA-256 of the secret part.
    public var secretSHA256: String
    public var createdAt: WallInstant
    public var lastUsedAt: WallInstant?
    public var revokedAt: WallInstant?

    /// Whether requests with the key are refused.
    public var isRevoked: Bool { revokedAt != nil }

    public static let table = TableDescription(
        name: "ops_api_keys",
        columns: ["key_id", "name", "scope", "secret_sha256", "created_at", "last_used_at", "revoked_at"],
        key: [("key_id", .text)])

    public var storedValues: [SQLValue] {
        [
            .text(id), .text(name), .text(scope.rawValue), .text(secretSHA256), .text(createdAt.description),
            .text(lastUsedAt?.description), .text(revokedAt?.description),
        ]
    }

    /// Creates a key row.
    public init(
        id: String, name: String, scope: KeyScope, secretSHA256: String, createdAt: WallInstant,
        lastUsedAt: WallInstant? = nil, revokedAt: WallInstant? = nil
    ) {
        self.id = id
        self.name = name
        self.scope = scope
        self.secretSHA256 = secretSHA256
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    public init(row: some SQLRow) throws {
        let table = APIKey.table.name
        let id = try row.value("key_id", as: String.self)
        func instant(_ column: String) throws -> WallInstant? {
            guard try row.value(column, as: String?.self) != nil else { return nil }
            return try row.parsed(column, in: table, key: id, WallInstant.init(iso8601:))
        }
        self.id = id
        self.name = try row.value("name")
        self.scope = try row.parsed("scope", in: table, key: id, KeyScope.init(rawValue:))
        self.secretSHA256 = try row.value("secret_sha256")
        self.createdAt = try row.parsed("created_at", in: table, key: id, WallInstant.init(iso8601:))
        self.lastUsedAt = try instant("last_used_at")
        self.revokedAt = try instant("revoked_at")
    }
}
