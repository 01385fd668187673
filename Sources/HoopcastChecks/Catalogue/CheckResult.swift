/// What one check found for a date: its status, how many rows it looked at and how many failed, a one-line summary
/// and a sample of the failing rows.
public struct CheckResult: Sendable, Hashable {
    /// The check.
    public let definition: CheckDefinition
    /// Passed, failed or not judged.
    public let status: CheckStatus
    /// Rows (or groups: games, markets, systems) it looked at.
    public let checked: Int
    /// How many of them failed.
    public let failed: Int
    /// What was compared and what was found, in one line.
    public let summary: String
    /// The first ``sampleSize`` failing rows, by key.
    public let sample: [FailingRow]

    /// How many failing rows a result keeps.
    public static let sampleSize = 10

    /// Creates a result with an explicit status (the failing rows are sorted by key and cut to ``sampleSize``).
    public init(
        _ definition: CheckDefinition, status: CheckStatus, checked: Int, failures: [FailingRow], summary: String
    ) {
        self.definition = definition
        self.status = status
        self.checked = checked
        self.failed = failures.count
        self.summary = summary
        self.sample = Array(failures.sorted { ($0.key, $0.text) < ($1.key, $1.text) }.prefix(CheckResult.sampleSize))
    }

    /// Creates a stored result as it was recorded.
    public init(
        definition: CheckDefinition, status: CheckStatus, checked: Int, failed: Int, summary: String,
        sample: [FailingRow]
    ) {
        self.definition = definition
        self.status = status
        self.checked = checked
        self.failed = failed
        self.summary = summary
        self.sample = sample
    }

    /// Passed when nothing failed, failed otherwise; not judged when `checked` is zero and nothing failed.
    public static func judged(
        _ definition: CheckDefinition, checked: Int, failures: [FailingRow], summary: String
    ) -> CheckResult {
        let status: CheckStatus = failures.isEmpty ? (checked == 0 ? .notJudged : .passed) : .failed
        return CheckResult(definition, status: status, checked: checked, failures: failures, summary: summary)
    }

    /// Not judged, with the reason.
    public static func notJudged(_ definition: CheckDefinition, because reason: String) -> CheckResult {
        CheckResult(definition, status: .notJudged, checked: 0, failures: [], summary: reason)
    }

    /// Whether this result blocks the date: a failed `error` check.
    public var blocks: Bool { status == .failed && definition.severity == .error }

    /// `name (severity): failed of checked rows failed — summary`.
    public var line: String {
        switch status {
        case .passed: return "\(definition.name) (\(definition.severity.rawValue)): passed, \(checked) checked"
        case .notJudged: return "\(definition.name) (\(definition.severity.rawValue)): not judged — \(summary)"
        case .failed:
            return "\(definition.name) (\(definition.severity.rawValue)): \(failed) of \(checked) failed — \(summary)"
        }
    }
}
