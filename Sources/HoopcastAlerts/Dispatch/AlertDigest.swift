import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore

/// The daily summary: what is still wrong, what cleared and what was sent in the last day, the pipeline's recent
/// dates, yesterday's checks and the sources' health — sent to every route once a day, whatever happened.
public struct AlertDigest: Sendable {
    /// The day it covers (Eastern).
    public var date: GameDate
    /// Alerts still firing.
    public var firing: [LedgerEntry]
    /// Alerts resolved in the last day.
    public var resolved: [LedgerEntry]
    /// Deliveries of the last day.
    public var deliveries: [Delivery]
    /// Jobs of the latest dates.
    public var progress: [JobBoard.DateProgress]
    /// Yesterday's latest check results.
    public var checks: [StoredCheckResult]
    /// The sources' health.
    public var sources: [SourceHealth]

    /// Reads the digest of `date` at `now`.
    public static func read(from store: Store, date: GameDate, at now: WallInstant) async throws -> AlertDigest {
        let ledger = AlertLedger(db: store.sql)
        let dayAgo = now - .seconds(86_400)
        let recent = try await ledger.recent(limit: 500).filter { !$0.alert.key.hasPrefix("digest:") }
        let yesterday = date.adding(days: -1)
        return AlertDigest(
            date: date, firing: recent.filter(\.firing),
            resolved: recent.filter { !$0.firing && ($0.resolvedAt ?? .epoch) > dayAgo },
            deliveries: try await ledger.deliveries(since: dayAgo).filter { $0.kind != .digest },
            progress: try await JobBoard(db: store.sql).progress(latestDates: 3),
            checks: try await CheckResultReader(db: store.sql).latest(on: [yesterday])[yesterday] ?? [],
            sources: try await SourceHealthBoard(db: store.sql).all())
    }

    /// The digest as a message.
    public var message: AlertMessage {
        var lines: [String] = []
        lines.append("Still firing: \(firing.count)")
        for entry in firing.prefix(10) {
            lines.append("  [\(entry.alert.severity.rawValue)] \(entry.alert.title) (since \(entry.firstSeen))")
        }
        if firing.count > 10 { lines.append("  … and \(firing.count - 10) more: hoopcast alerts list") }
        lines.append("Resolved in the last day: \(resolved.count)")
        for entry in resolved.prefix(10) { lines.append("  \(entry.alert.title)") }
        let outcomes = Dictionary(grouping: deliveries, by: \.outcome).mapValues(\.count)
        lines.append(
            "Messages in the last day: \(outcomes[.sent] ?? 0) sent, \(outcomes[.failed] ?? 0) failed, "
                + "\(outcomes[.rateLimited] ?? 0) held back by the hourly limit")
        lines.append("Pipeline (latest dates):")
        for day in progress {
            lines.append(
                "  \(day.date): \(day.done)/\(day.jobs) jobs done, \(day.running) running, \(day.failed) failed")
        }
        if progress.isEmpty { lines.append("  no jobs yet") }
        let failedChecks = checks.filter { $0.result.status == .failed }
        lines.append(
            checks.isEmpty
                ? "Checks of \(date.adding(days: -1)): none ran"
                : "Checks of \(date.adding(days: -1)): \(checks.count - failedChecks.count) of \(checks.count) passed"
                    + failedChecks.map { " · \($0.result.definition.name) failed" }.joined())
        let down = sources.filter { $0.failingSince != nil }
        lines.append(
            sources.isEmpty
                ? "Sources: none ingested yet"
                : "Sources: \(sources.count - down.count) of \(sources.count) working"
                    + down.map { " · \($0.source) failing since \($0.failingSince!)" }.joined())
        return AlertMessage(
            kind: .digest, key: "digest:\(date)", severity: .info,
            subject: "[hoopcast] daily digest \(date): \(firing.count) firing, \(resolved.count) resolved",
            body: lines.joined(separator: "\n"))
    }
}
