import HoopcastCore
import HoopcastStore
import SQLKit

/// The owner of `ops_alerts` and `ops_alert_deliveries`: which conditions are on, when people last heard of each,
/// and every message sent or refused.
///
/// Notifying is claimed in the store (``claim(_:at:window:)``), so several processes evaluating the same store send
/// one message per alert and window, not one each.
public struct AlertLedger: Sendable {
    let db: any SQLDatabase

    /// The ledger of a store's database.
    public init(db: any SQLDatabase) { self.db = db }

    /// Every alert still firing, by key.
    public func firing() async throws -> [String: LedgerEntry] {
        Dictionary(
            uniqueKeysWithValues: try await entries(where: "state = 'firing'", limit: 10_000).map { ($0.alert.key, $0) }
        )
    }

    /// The latest alerts (firing first, then by when they were last seen), at most `limit`.
    public func recent(limit: Int) async throws -> [LedgerEntry] {
        try await entries(where: "1 = 1", limit: limit)
    }

    private func entries(where condition: String, limit: Int) async throws -> [LedgerEntry] {
        // `condition` is one of this file's constants, never input.
        try await db.raw(
            """
            SELECT alert_key, severity, title, detail, state, first_seen_at, last_seen_at, last_notified_at,
                   resolved_at, notifications
            FROM ops_alerts WHERE \(unsafeRaw: condition)
            ORDER BY CASE state WHEN 'firing' THEN 0 ELSE 1 END, last_seen_at DESC, alert_key LIMIT \(bind: limit)
            """
        ).all().map { row in
            let key = try row.value("alert_key", as: String.self)
            func instant(_ column: String) throws -> WallInstant? {
                guard try row.value(column, as: String?.self) != nil else { return nil }
                return try row.parsed(column, in: "ops_alerts", key: key, WallInstant.init(iso8601:))
            }
            let severity = try row.parsed("severity", in: "ops_alerts", key: key, AlertSeverity.init(rawValue:))
            return LedgerEntry(
                alert: Alert(
                    key: key, severity: severity, title: try row.value("title"), detail: try row.value("detail")),
                firing: try row.value("state", as: String.self) == "firing",
                firstSeen: try row.parsed("first_seen_at", in: "ops_alerts", key: key, WallInstant.init(iso8601:)),
                lastSeen: try row.parsed("last_seen_at", in: "ops_alerts", key: key, WallInstant.init(iso8601:)),
                lastNotified: try instant("last_notified_at"), resolvedAt: try instant("resolved_at"),
                notifications: try row.value("notifications"))
        }
    }

    /// Records that the rules found `alert` at `now` (a new row, or a resolved one firing again).
    public func seen(_ alert: Alert, at now: WallInstant) async throws {
        let at = now.description
        try await db.raw(
            """
            INSERT INTO ops_alerts (alert_key, severity, title, detail, state, first_seen_at, last_seen_at,
                                    last_notified_at, resolved_at, notifications)
            VALUES (\(bind: alert.key), \(bind: alert.severity.rawValue), \(bind: alert.title), \(bind: alert.detail),
                    'firing', \(bind: at), \(bind: at), NULL, NULL, 0)
            ON CONFLICT (alert_key) DO UPDATE SET severity = excluded.severity, title = excluded.title,
                detail = excluded.detail, last_seen_at = excluded.last_seen_at,
                first_seen_at = CASE WHEN ops_alerts.state = 'resolved' THEN excluded.first_seen_at
                                     ELSE ops_alerts.first_seen_at END,
                last_notified_at = CASE WHEN ops_alerts.state = 'resolved' THEN NULL
                                        ELSE ops_alerts.last_notified_at END,
                resolved_at = NULL, state = 'firing'
            """
        ).run()
    }

    /// Claims the right to notify `key` at `now`: true for exactly one caller when it was never notified or last
    /// notified at least `window` ago (the claim stamps the notification time).
    public func claim(_ key: String, at now: WallInstant, window: Duration) async throws -> Bool {
        let cutoff = (now - window).description
        return try await db.raw(
            """
            UPDATE ops_alerts SET last_notified_at = \(bind: now.description), notifications = notifications + 1
            WHERE alert_key = \(bind: key) AND state = 'firing'
              AND (last_notified_at IS NULL OR last_notified_at <= \(bind: cutoff))
            RETURNING alert_key
            """
        ).first() != nil
    }

    /// Gives a claim back when no route took the message, so the next evaluation tries again.
    public func release(_ key: String, previous: WallInstant?) async throws {
        try await db.raw(
            """
            UPDATE ops_alerts SET last_notified_at = \(bind: previous?.description),
                notifications = notifications - 1
            WHERE alert_key = \(bind: key) AND notifications > 0
            """
        ).run()
    }

    /// Marks `key` resolved at `now`; true for exactly one caller (the one that sends the "resolved" message).
    public func resolve(_ key: String, at now: WallInstant) async throws -> Bool {
        try await db.raw(
            """
            UPDATE ops_alerts SET state = 'resolved', resolved_at = \(bind: now.description)
            WHERE alert_key = \(bind: key) AND state = 'firing' RETURNING alert_key
            """
        ).first() != nil
    }

    /// Claims the digest of `date`: true for exactly one caller (the digest is recorded as a resolved info alert).
    public func claimDigest(of date: GameDate, at now: WallInstant) async throws -> Bool {
        let at = now.description
        return try await db.raw(
            """
            INSERT INTO ops_alerts (alert_key, severity, title, detail, state, first_seen_at, last_seen_at,
                                    last_notified_at, resolved_at, notifications)
            VALUES (\(bind: "digest:\(date)"), 'info', \(bind: "daily digest \(date)"), '', 'resolved', \(bind: at),
                    \(bind: at), \(bind: at), \(bind: at), 1)
            ON CONFLICT (alert_key) DO NOTHING RETURNING alert_key
            """
        ).first() != nil
    }

    /// Records a delivery.
    public func record(_ delivery: Delivery) async throws {
        try await db.raw(
            """
            INSERT INTO ops_alert_deliveries (alert_key, kind, route, outcome, attempts, error, delivered_at)
            VALUES (\(bind: delivery.key), \(bind: delivery.kind.rawValue), \(bind: delivery.route),
                    \(bind: delivery.outcome.rawValue), \(bind: delivery.attempts), \(bind: delivery.error),
                    \(bind: delivery.at.description))
            """
        ).run()
    }

    /// Alert messages (firing and resolved) `route` sent or tried since `since` — what its rate limit counts.
    public func spent(route: String, since: WallInstant) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM ops_alert_deliveries
            WHERE route = \(bind: route) AND kind IN ('firing', 'resolved') AND outcome IN ('sent', 'failed')
              AND delivered_at > \(bind: since.description)
            """
        ).first()?.value("n", as: Int.self) ?? 0
    }

    /// Every delivery since `since`, oldest first.
    public func deliveries(since: WallInstant) async throws -> [Delivery] {
        try await db.raw(
            """
            SELECT alert_key, kind, route, outcome, attempts, error, delivered_at FROM ops_alert_deliveries
            WHERE delivered_at > \(bind: since.description) ORDER BY delivered_at, id
            """
        ).all().map { row in
            let key = try row.value("alert_key", as: String.self)
            let table = "ops_alert_deliveries"
            return Delivery(
                key: key, kind: try row.parsed("kind", in: table, key: key, AlertMessage.Kind.init(rawValue:)),
                route: try row.value("route"),
                outcome: try row.parsed("outcome", in: table, key: key, Delivery.Outcome.init(rawValue:)),
                attempts: try row.value("attempts"), error: try row.value("error"),
                at: try row.parsed("delivered_at", in: table, key: key, WallInstant.init(iso8601:)))
        }
    }
}
