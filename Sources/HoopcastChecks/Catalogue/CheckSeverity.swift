/// What a failing check does: an `error` blocks the date's downstream steps, a `warn` is recorded and reported only.
public enum CheckSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    /// The date's downstream steps do not run; the check step's job fails (permanently) naming the check.
    case error
    /// Recorded with its failing rows and shown by `status` and `check`; the pipeline goes on.
    case warn
}
