import HoopcastCore
import HoopcastEngine
import HoopcastStore

/// How a check step ends: its results are written in the step's one commit, and — when an `error` check failed —
/// that same commit fails the job for good (``StepContext/commit(failing:_:)``), so the results that explain the
/// block are stored, and the date's downstream steps fail as `upstream` naming the check.
enum CheckRecorder {
    /// Stores `results` for `date` under the context's run id and ends the step: returns its report, or throws the
    /// committed ``DateBlocked`` failure.
    static func record(
        _ results: [CheckResult], step: String, date: GameDate, checkedAt: String, context: StepContext
    ) async throws -> StepReport {
        let rows = try results.map {
            try StoredCheckResult(date: date, runID: context.runID, step: step, result: $0, checkedAt: checkedAt)
        }
        let blocking = results.filter(\.blocks)
        guard blocking.isEmpty else {
            try await context.commit(failing: DateBlocked(date: date, results: blocking)) { db in
                try await StoredCheckResult.write(rows, on: db)
            }
        }
        try await context.commit { db in try await StoredCheckResult.write(rows, on: db) }
        return StepReport(rowsWritten: rows.count, notes: [summary(results)])
    }

    /// `10 checks: 8 passed, 1 not judged, 1 warning (raw.freshness: 1 of 12)`.
    static func summary(_ results: [CheckResult]) -> String {
        let passed = results.filter { $0.status == .passed }.count
        let unjudged = results.filter { $0.status == .notJudged }.count
        let warnings = results.filter { $0.status == .failed && $0.definition.severity == .warn }
        var text = "\(results.count) checks: \(passed) passed, \(unjudged) not judged, \(warnings.count) warnings"
        if !warnings.isEmpty {
            text +=
                " ("
                + warnings.map { "\($0.definition.name): \($0.failed) of \($0.checked)" }
                .joined(separator: ", ") + ")"
        }
        return text
    }
}
