import HoopcastCore
import HoopcastStore
import SQLKit

/// The API keys: made, listed, revoked and checked here only (the owner of `ops_api_keys`).
public struct KeyStore: Sendable {
    let store: Store
    let clock: any WallClock
    /// A key's last-used time is written at most this often (not on every request).
    public var lastUsedResolution: Duration = .seconds(60)

    /// Keys of `store`, stamped with `clock`.
    public init(store: Store, clock: any WallClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// Makes a key; the returned token is the only copy of its secret.
    public func create(name: String, scope: KeyScope) async throws -> (key: APIKey, token: KeyToken) {
        let token = KeyToken.generate()
        let key = APIKey(
            id: token.id, name: name, scope: scope, secretSHA256: token.secretSHA256, createdAt: clock.now)
        try await store.transaction { db in
            try await db.raw(
                """
                INSERT INTO ops_api_keys (\(unsafeRaw: APIKey.table.selectList()))
                VALUES (\(binds: key.storedValues))
                """
            ).run()
        }
        return (key, token)
    }

    /// Every key, oldest first.
    public func list() async throws -> [APIKey] {
        try await store.sql.raw(
            "SELECT \(unsafeRaw: APIKey.table.selectList()) FROM ops_api_keys ORDER BY created_at, key_id"
        ).all().map { try APIKey(row: $0) }
    }

    /// The key with this id, revoked or not.
    public func key(id: String) async throws -> APIKey? {
        try await store.sql.raw(
            "SELECT \(unsafeRaw: APIKey.table.selectList()) FROM ops_api_keys WHERE key_id = \(bind: id)"
        ).first().map { try APIKey(row: $0) }
    }

    /// Revokes a key; false when no key has this id. Revoking a revoked key keeps its first revocation time.
    @discardableResult
    public func revoke(id: String) async throws -> Bool {
        let now = clock.now.description
        return try await store.transaction { db in
            guard
                try await db.raw("SELECT key_id FROM ops_api_keys WHERE key_id = \(bind: id)").first() != nil
            else { return false }
            try await db.raw(
                "UPDATE ops_api_keys SET revoked_at = \(bind: now) WHERE key_id = \(bind: id) AND revoked_at IS NULL"
            ).run()
            return true
        }
    }

    /// The live key a request presents, or nil (unknown id, wrong secret or revoked). Records the last-used time.
    public func authenticate(_ token: KeyToken) async throws -> APIKey? {
        guard let key = try await key(id: token.id), token.matches(storedHex: key.secretSHA256), !key.isRevoked
        else { return nil }
        let now = clock.now
        if key.lastUsedAt.map({ now - $0 >= lastUsedResolution }) ?? true {
            try await store.transaction { db in
                try await db.raw(
                    "UPDATE ops_api_keys SET last_used_at = \(bind: now.description) WHERE key_id = \(bind: key.id)"
                ).run()
            }
        }
        return key
    }
}
