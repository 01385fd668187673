extension Schema {
    /// What the alerts watch and what they sent.
    /// - `ops_source_health`: each live source's latest ingest outcome — when it last served a parsed payload and
    ///   since when every attempt has failed (a source down or its circuit open). One row per source, owned by
    ///   HoopcastLive (`SourceHealthBoard`), written after every ingest fetch, outside the step's commit: a failed
    ///   fetch commits nothing else.
    /// - `ops_alerts`: one row per alert key (`job.failed:…`, `check.error:…`, `source.down:…`), firing or resolved,
    ///   with when it was first and last seen and last notified — the de-duplication ledger.
    /// - `ops_alert_deliveries`: every message sent or refused, per route — the rate limit counts these, the digest
    ///   reports them. Never a route's URL or password: routes are named (`webhook`, `email`).
    /// Both alert tables are owned by HoopcastAlerts (`AlertLedger`).
    static let alerts = Migration(version: 29, name: "alerts and source health") { dialect in
        [
            """
            CREATE TABLE ops_source_health (
                source TEXT PRIMARY KEY,
                last_attempt_at TEXT NOT NULL,
                last_success_at TEXT,
                failing_since TEXT,
                failures INTEGER NOT NULL CHECK (failures >= 0),
                last_error TEXT)
            """,
            """
            CREATE TABLE ops_alerts (
                alert_key TEXT PRIMARY KEY,
                severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
                title TEXT NOT NULL,
                detail TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
                first_seen_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL,
                last_notified_at TEXT,
                resolved_at TEXT,
                notifications INTEGER NOT NULL CHECK (notifications >= 0))
            """,
            """
            CREATE TABLE ops_alert_deliveries (
                \(idColumn(dialect)),
                alert_key TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('firing', 'resolved', 'digest', 'test')),
                route TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'rate_limited')),
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                error TEXT,
                delivered_at TEXT NOT NULL)
            """,
            "CREATE INDEX ops_alert_deliveries_route ON ops_alert_deliveries (route, delivered_at)",
        ]
    }
}
