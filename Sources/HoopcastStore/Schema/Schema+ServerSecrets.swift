extension Schema {
    /// `ops_server_secrets`: random secrets that every `hoopcast serve` sharing the store agrees on — the key that
    /// signs the dashboard's session cookies and CSRF tokens, so a session made by one server is valid on the others.
    /// One row per purpose, made by the first server that needs it. Owned by HoopcastServe (`SessionSecretStore`).
    static let serverSecrets = Migration(version: 28, name: "server secrets") { _ in
        [
            """
            CREATE TABLE ops_server_secrets (
                name TEXT PRIMARY KEY,
                secret TEXT NOT NULL,
                created_at TEXT NOT NULL)
            """
        ]
    }
}
