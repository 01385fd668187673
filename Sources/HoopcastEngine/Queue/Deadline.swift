import Foundation
import HoopcastStore

/// Runs a step attempt with a time limit enforced while it runs (``TimeLimit``): when the limit passes, the caller
/// gets ``StepTimeout`` at once and the attempt is cancelled and abandoned, even if it ignores cancellation. An
/// abandoned attempt cannot complete its job: its lease token no longer matches once the job is retried.
enum Deadline {
    static func run<R: Sendable>(
        limit: Duration, step: String,
        _ body: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        // TimeLimit (HoopcastStore) takes seconds and waits on the system's monotonic clock.
        try await TimeLimit.run(limit: limit, timeout: { StepTimeout(step: step, limit: limit) }, body)
    }
}
