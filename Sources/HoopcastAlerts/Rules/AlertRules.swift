import HoopcastChecks
import HoopcastCore
import HoopcastLive

/// The triggers, pure: which conditions hold in a set of inputs. Each becomes one ``Alert`` with a stable key, so
/// the ledger can tell a new condition from one still on and one that cleared.
///
/// | Key | Severity | When |
/// |---|---|---|
/// | `job.failed:<job>` | critical | a job gave up (its last attempt failed, or a permanent error) |
/// | `check.error:<date>:<check>` | critical | an `error` check failed: the date's downstream steps are blocked |
/// | `check.warn:<date>:<check>` | warning | a `warn` check failed |
/// | `model.health:<date>` | warning | `predictions.model_health` failed: a system's 14-day MAE degraded against the line |
/// | `source.down:<source>` | critical | every ingest of the source has failed for ``AlertPolicy/sourceDownAfter`` |
/// | `predictions.missing:<date>` | critical | today has games and no predictions at ``AlertPolicy/predictionsDue`` |
public enum AlertRules {
    /// The check whose failure is the model-health alert.
    public static let modelHealthCheck = "predictions.model_health"

    /// The conditions holding in `inputs`, by key.
    public static func evaluate(_ inputs: AlertInputs, policy: AlertPolicy) -> [Alert] {
        var alerts: [Alert] = []
        for job in inputs.failedJobs {
            let error = job.lastError.map { ": \($0)" } ?? ""
            alerts.append(
                Alert(
                    key: "job.failed:\(job.key)", severity: .critical, title: "job \(job.key) failed",
                    detail: """
                        The job gave up after \(job.attempts) of \(job.maxAttempts) attempts \
                        (\(job.errorKind ?? "error")\(error)).
                        Look: hoopcast jobs show \(job.key)
                        Retry: hoopcast jobs retry \(job.key)
                        """))
        }
        for (date, results) in inputs.checks.sorted(by: { $0.key < $1.key }) {
            for stored in results.sorted(by: { $0.result.definition.name < $1.result.definition.name })
            where stored.result.status == .failed {
                alerts.append(checkAlert(stored.result, date: date))
            }
        }
        for source in inputs.sources {
            let down = source.downFor(at: inputs.now)
            guard let since = source.failingSince, down >= policy.sourceDownAfter else { continue }
            let minutes = Int(down.components.seconds / 60)
            let last = source.lastSuccess.map { "last served a parsed payload at \($0)" } ?? "never served a payload"
            alerts.append(
                Alert(
                    key: "source.down:\(source.source)", severity: .critical,
                    title: "source \(source.source) down for \(minutes) min",
                    detail: """
                        Every ingest of \(source.source) since \(since) failed (\(source.failures) in a row); it \(last).
                        Latest error: \(source.lastError ?? "none recorded")
                        Look: hoopcast status
                        """))
        }
        let (today, games, predictions) = inputs.today
        let (date, time) = EasternTime.wallClock(of: inputs.now.date)
        if games > 0, predictions == 0, date == today, time >= policy.predictionsDue {
            alerts.append(
                Alert(
                    key: "predictions.missing:\(today)", severity: .critical,
                    title: "no predictions for \(today) at \(time) ET",
                    detail: """
                        \(today) has \(games) scheduled games and no predictions; they were due by \
                        \(policy.predictionsDue) ET.
                        Look: hoopcast status; hoopcast jobs list --status failed
                        """))
        }
        return alerts
    }

    /// The alert of one failed check.
    static func checkAlert(_ result: CheckResult, date: GameDate) -> Alert {
        let name = result.definition.name
        let sample = result.sample.prefix(3).map { "  \($0.text)" }.joined(separator: "\n")
        let rows = sample.isEmpty ? "" : "\nFailing rows (first \(min(3, result.sample.count))):\n\(sample)"
        let look = "Look: hoopcast check --date \(date)"
        if name == modelHealthCheck {
            return Alert(
                key: "model.health:\(date)", severity: .warning, title: "model health degraded on \(date)",
                detail: "\(result.summary)\(rows)\n\(look)")
        }
        switch result.definition.severity {
        case .error:
            return Alert(
                key: "check.error:\(date):\(name)", severity: .critical,
                title: "check \(name) failed on \(date): the date is blocked",
                detail: "\(result.summary)\(rows)\n\(look)")
        case .warn:
            return Alert(
                key: "check.warn:\(date):\(name)", severity: .warning, title: "check \(name) failed on \(date)",
                detail: "\(result.summary)\(rows)\n\(look)")
        }
    }
}
