import HoopcastAlerts
import HoopcastCore
import HoopcastEngine
import HoopcastLive

/// The pipeline page: jobs by state, each recent date's progress, failed jobs with their errors (and, for an admin
/// session, a retry button each), how long each step takes, when each live source last delivered, and the data
/// checks of the recent dates (``CheckSummaryView``).
struct PipelineView: Sendable {
    struct Count: Sendable, Hashable {
        var name: String
        var value: Int
        /// Failed jobs are there: the figure is marked.
        var alert: Bool
    }

    struct DateRow: Sendable, Hashable {
        var date: String
        var href: String
        var jobs: Int
        var done: Int
        var running: Int
        var failed: Int
        var percent: String
        var failedClass: String
    }

    struct Failure: Sendable, Hashable {
        var key: String
        var attempts: String
        var kind: String
        var error: String
    }

    struct StepRow: Sendable, Hashable {
        var step: String
        var runs: Int
        var median: String
        var maximum: String
    }

    struct SourceRow: Sendable, Hashable {
        var source: String
        var lastSuccess: String
        var age: String
        /// "failing for 42 min (3 attempts): …" while every ingest of the source fails.
        var failing: String?
    }

    /// An alert that is on.
    struct AlertRow: Sendable, Hashable {
        var severity: String
        var badge: String
        var title: String
        var since: String
        var key: String
        var notified: String
    }

    var layout: Layout
    var flash: String?
    var counts: [Count]
    var dates: [DateRow]
    var hasDates: Bool
    var failures: [Failure]
    var hasFailures: Bool
    /// Whether the retry buttons are shown (an admin session).
    var canRetry: Bool
    /// The CSRF token the retry forms carry.
    var formToken: String?
    var steps: [StepRow]
    var hasSteps: Bool
    var sources: [SourceRow]
    var hasSources: Bool
    var checks: CheckSummaryView
    var alerts: [AlertRow]
    var hasAlerts: Bool
}

extension PipelineView {
    /// The page from the queue's board; `lastSuccess` is each source's latest parsed fetch, `now` the time the
    /// ages are measured at.
    static func make(
        counts: [JobStatus: Int], progress: [JobBoard.DateProgress], failures: [JobBoard.JobSummary],
        steps: [JobBoard.StepDurations], lastSuccess: [String: WallInstant], health: [SourceHealth] = [],
        alerts: [LedgerEntry] = [], now: WallInstant, viewer: Viewer, flash: String?, layout: Layout,
        checks: CheckSummaryView
    ) -> PipelineView {
        let dates = progress.reversed().map { date in
            DateRow(
                date: date.date, href: DashboardQuery.link("/tonight", [("date", date.date)]), jobs: date.jobs,
                done: date.done, running: date.running, failed: date.failed,
                percent: date.jobs > 0
                    ? DashboardFormat.percent(Double(date.done) / Double(date.jobs), decimals: 0) : "–",
                failedClass: date.failed > 0 ? "neg" : "")
        }
        let failing = Dictionary(
            health.compactMap { source in source.failingSince.map { (source.source, (source, $0)) } },
            uniquingKeysWith: { first, _ in first })
        let sources = Set(lastSuccess.keys).union(failing.keys).sorted().map { source in
            let instant = lastSuccess[source]
            return SourceRow(
                source: source, lastSuccess: instant?.description ?? "never",
                age: instant.map { DashboardFormat.age(now - $0) } ?? "–",
                failing: failing[source].map { health, since in
                    "failing for \(DashboardFormat.age(now - since)) (\(health.failures) attempts): "
                        + (health.lastError ?? "no error recorded")
                })
        }
        let alertRows = alerts.filter(\.firing).sorted {
            ($0.alert.severity, $1.firstSeen) > ($1.alert.severity, $0.firstSeen)
        }.map { entry in
            AlertRow(
                severity: entry.alert.severity.rawValue.uppercased(),
                badge: entry.alert.severity == .critical ? "call-under" : "call-pass", title: entry.alert.title,
                since: entry.firstSeen.description, key: entry.alert.key,
                notified: entry.lastNotified.map { "notified \($0)" } ?? "not notified")
        }
        return PipelineView(
            layout: layout, flash: flash,
            counts: JobStatus.allCases.map {
                Count(name: $0.rawValue, value: counts[$0] ?? 0, alert: $0 == .failed && (counts[$0] ?? 0) > 0)
            },
            dates: Array(dates), hasDates: !dates.isEmpty,
            failures: failures.map {
                Failure(
                    key: $0.key, attempts: "\($0.attempts)/\($0.maxAttempts)", kind: $0.errorKind ?? "",
                    error: $0.lastError ?? "")
            }, hasFailures: !failures.isEmpty, canRetry: viewer.isAdmin, formToken: viewer.csrf,
            steps: steps.map {
                StepRow(
                    step: $0.step, runs: $0.runs, median: DashboardFormat.duration($0.median),
                    maximum: DashboardFormat.duration($0.maximum))
            }, hasSteps: !steps.isEmpty, sources: sources, hasSources: !sources.isEmpty, checks: checks,
            alerts: alertRows, hasAlerts: !alertRows.isEmpty)
    }
}
