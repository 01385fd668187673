import HoopcastChecks
import HoopcastCore

/// The pipeline page's data checks, from the latest result of each check per date
/// (``CheckResultReader/latest(on:)``): for each recent date checked, how its checks ended and whether a failed
/// `error` check blocks it; for one date (the most recent checked), every check with its failing rows' sample,
/// failing checks first.
struct CheckSummaryView: Sendable {
    /// One date's checks at a glance.
    struct DateRow: Sendable, Hashable {
        var date: String
        var checks: Int
        var passed: Int
        /// Failed `error` checks (each blocks the date).
        var failedErrors: Int
        /// Failed `warn` checks (recorded only).
        var failedWarnings: Int
        var notJudged: Int
        var errorClass: String
        var warnClass: String
        /// `BLOCKED`, `WARNINGS`, `OK` or `NOT JUDGED`, and its badge class.
        var state: String
        var stateClass: String
        /// A failed `error` check blocks the date: ``blockedBy`` names it.
        var blocked: Bool
        /// The failed `error` checks' names, comma-separated; `check` or `checks`.
        var blockedBy: String
        var blockedNoun: String
        /// The failed `warn` checks' names, comma-separated (empty when none).
        var warnings: String
        var hasWarnings: Bool
        /// Where to look: `hoopcast check --date D`.
        var command: String
    }

    /// A failing row of a check's sample: its key and its values (`name=value, …`, by name).
    struct SampleRow: Sendable, Hashable {
        var key: String
        var values: String
    }

    /// One check of the shown date.
    struct CheckRow: Sendable, Hashable {
        var name: String
        var layer: String
        var severity: String
        /// `neg` when the check blocks the date.
        var severityClass: String
        /// `PASSED`, `FAILED` or `NOT JUDGED`, and its badge class.
        var status: String
        var statusClass: String
        var checked: Int
        var failed: Int
        var failedClass: String
        var summary: String
        /// When the check fails, in a sentence (from the catalogue).
        var threshold: String
        var hasThreshold: Bool
        /// The step and run that stored the result.
        var step: String
        var runID: String
        var sample: [SampleRow]
        var hasSample: Bool
        /// `1 failing row`, or `first 10 of 25 failing rows` when the sample is cut.
        var sampleNote: String
    }

    /// Every check of one date.
    struct Detail: Sendable, Hashable {
        var date: String
        /// The latest time one of its checks was checked (ISO-8601 UTC).
        var checkedAt: String
        var blocked: Bool
        var blockedBy: String
        var blockedNoun: String
        var command: String
        var rows: [CheckRow]
    }

    /// The recent dates with results, most recent first.
    var dates: [DateRow]
    var hasDates: Bool
    /// The date whose checks are listed (nil when no check has run).
    var detail: Detail?
    /// The most dates shown.
    var dateLimit: Int
}

extension CheckSummaryView {
    /// The section from `latest` (each check's latest result, by date): the `limit` most recent dates with results,
    /// and the checks of `selected` when it has results (of the most recent date otherwise).
    static func make(latest: [GameDate: [StoredCheckResult]], selected: GameDate? = nil, limit: Int)
        -> CheckSummaryView
    {
        let checked = latest.filter { !$0.value.isEmpty }
        let shown = checked.keys.sorted(by: >).prefix(max(0, limit))
        let rows = shown.map { date in dateRow(date, checked[date] ?? []) }
        let detailDate = selected.flatMap { checked[$0] == nil ? nil : $0 } ?? shown.first
        let detail = detailDate.map { date in self.detail(date, checked[date] ?? []) }
        return CheckSummaryView(dates: rows, hasDates: !rows.isEmpty, detail: detail, dateLimit: limit)
    }

    /// `hoopcast check --date D`: the command that shows a date's failing rows in full.
    static func command(_ date: GameDate) -> String { "hoopcast check --date \(date)" }

    static func dateRow(_ date: GameDate, _ stored: [StoredCheckResult]) -> DateRow {
        let results = stored.map(\.result)
        let failedErrors = results.filter(\.blocks)
        let failedWarnings = results.filter { $0.status == .failed && $0.definition.severity == .warn }
        let passed = results.filter { $0.status == .passed }.count
        let state: (label: String, cls: String)
        if !failedErrors.isEmpty {
            state = ("BLOCKED", "call-under")
        } else if !failedWarnings.isEmpty {
            state = ("WARNINGS", "call-pass")
        } else if passed > 0 {
            state = ("OK", "call-over")
        } else {
            state = ("NOT JUDGED", "call-pass")
        }
        return DateRow(
            date: date.description, checks: results.count, passed: passed, failedErrors: failedErrors.count,
            failedWarnings: failedWarnings.count, notJudged: results.filter { $0.status == .notJudged }.count,
            errorClass: failedErrors.isEmpty ? "" : "neg", warnClass: failedWarnings.isEmpty ? "" : "neg",
            state: state.label, stateClass: state.cls, blocked: !failedErrors.isEmpty,
            blockedBy: failedErrors.map(\.definition.name).joined(separator: ", "),
            blockedNoun: failedErrors.count == 1 ? "check" : "checks",
            warnings: failedWarnings.map(\.definition.name).joined(separator: ", "),
            hasWarnings: !failedWarnings.isEmpty, command: command(date))
    }

    static func detail(_ date: GameDate, _ stored: [StoredCheckResult]) -> Detail {
        // Failing checks first (those that block before the warnings), the rest in the order given (the catalogue's).
        let rank = { (result: CheckResult) in result.blocks ? 0 : result.status == .failed ? 1 : 2 }
        let ordered = stored.enumerated().sorted {
            (rank($0.element.result), $0.offset) < (rank($1.element.result), $1.offset)
        }
        .map(\.element)
        let blocking = stored.map(\.result).filter(\.blocks)
        return Detail(
            date: date.description, checkedAt: stored.map(\.checkedAt).max() ?? "", blocked: !blocking.isEmpty,
            blockedBy: blocking.map(\.definition.name).joined(separator: ", "),
            blockedNoun: blocking.count == 1 ? "check" : "checks", command: command(date),
            rows: ordered.map(checkRow))
    }

    static func checkRow(_ stored: StoredCheckResult) -> CheckRow {
        let result = stored.result
        let status: (label: String, cls: String) =
            switch result.status {
            case .passed: ("PASSED", "call-over")
            case .failed: ("FAILED", "call-under")
            case .notJudged: ("NOT JUDGED", "call-pass")
            }
        let sample = result.sample.map { row in
            SampleRow(
                key: row.key,
                values: row.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        let total = max(result.failed, sample.count)
        let noun = total == 1 ? "failing row" : "failing rows"
        return CheckRow(
            name: result.definition.name, layer: result.definition.layer.rawValue,
            severity: result.definition.severity.rawValue, severityClass: result.blocks ? "neg" : "",
            status: status.label, statusClass: status.cls, checked: result.checked, failed: result.failed,
            failedClass: result.failed > 0 ? "neg" : "", summary: result.summary,
            threshold: result.definition.threshold, hasThreshold: !result.definition.threshold.isEmpty,
            step: stored.step, runID: stored.runID, sample: sample, hasSample: !sample.isEmpty,
            sampleNote: sample.count < total ? "First \(sample.count) of \(total) \(noun)" : "\(total) \(noun)")
    }
}
