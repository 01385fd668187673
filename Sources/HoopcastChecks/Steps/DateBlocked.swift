import HoopcastCore

/// A date stopped by failed `error` checks: the checks, how many rows each failed, the first failing row, and where
/// to look (`hoopcast check --date D`). Its description is the failed job's reason, which the job log and every
/// downstream job ("upstream failed: …") repeat.
public struct DateBlocked: Error, Sendable, CustomStringConvertible {
    /// The date blocked.
    public let date: GameDate
    /// The failed `error` checks.
    public let results: [CheckResult]

    /// Creates the failure.
    public init(date: GameDate, results: [CheckResult]) {
        self.date = date
        self.results = results
    }

    public var description: String {
        let checks = results.map { result in
            var text = "\(result.definition.name) (\(result.failed) of \(result.checked) rows failed"
            if let first = result.sample.first { text += "; first: \(first.text)" }
            return text + ")"
        }
        let noun = results.count == 1 ? "check" : "checks"
        return "\(date) blocked by \(noun) \(checks.joined(separator: ", ")); see `hoopcast check --date \(date)`"
    }
}
