extension Schema {
    /// `ops_api_keys`: the keys of `hoopcast serve`. A key is `hc_<key_id>_<secret>`; only the secret's SHA-256 is
    /// stored, so the store never holds a usable key. Owned by HoopcastServe (`KeyStore`).
    static let apiKeys = Migration(version: 27, name: "API keys") { _ in
        [
            """
            CREATE TABLE ops_api_keys (
                key_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                scope TEXT NOT NULL CHECK (scope IN ('read', 'admin')),
                secret_sha256 TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_used_at TEXT,
                revoked_at TEXT)
            """
        ]
    }
}
