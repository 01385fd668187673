import HoopcastCore
import HoopcastStore
import SQLKit
import Synchronization

/// The dashboard's signing secret, kept in `ops_server_secrets` so that every server sharing the store signs and
/// checks sessions alike: the first server to need it writes 32 random bytes, the others read the same row (the
/// insert does nothing when a row exists). Read once per process, then held. The owner of `ops_server_secrets`.
final class SessionSecretStore: Sendable {
    /// The row's name.
    static let sessionSecretName = "dashboard.sessions"

    let store: Store
    let clock: any WallClock
    private let cached = Mutex<[UInt8]?>(nil)

    init(store: Store, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// The secret, made on first use.
    func secret() async throws -> [UInt8] {
        if let secret = cached.withLock({ $0 }) { return secret }
        var generator = SystemRandomNumberGenerator()
        let fresh = SessionSigner.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let now = clock.now.description
        let text = try await store.transaction { db in
            try await db.raw(
                """
                INSERT INTO ops_server_secrets (name, secret, created_at)
                VALUES (\(bind: Self.sessionSecretName), \(bind: fresh), \(bind: now))
                ON CONFLICT (name) DO NOTHING
                """
            ).run()
            return try await db.raw(
                "SELECT secret FROM ops_server_secrets WHERE name = \(bind: Self.sessionSecretName)"
            ).first()?.value("secret", as: String.self)
        }
        guard let text, let secret = SessionSigner.bytes(hex: text), secret.count >= 32 else {
            throw StoreError(.decodingFailed, "ops_server_secrets: '\(Self.sessionSecretName)' is not 32 hex bytes")
        }
        cached.withLock { $0 = secret }
        return secret
    }
}
