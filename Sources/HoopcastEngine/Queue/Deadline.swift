import Foundation
import Synchronization

/// Runs work with a time limit enforced while it runs: when the limit passes, the caller gets ``StepTimeout`` at
/// once and the work is cancelled and abandoned, even if it ignores cancellation (a hung query, a busy loop). An
/// abandoned attempt cannot complete its job: its lease token no longer matches once the job is retried.
enum Deadline {
    static func run<R: Sendable>(seconds: Double, step: String,
                                 _ body: @escaping @Sendable () async throws -> R) async throws -> R {
        let work = Task { try await body() }
        let gate = ResumeOnce<R>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                gate.set(continuation)
                let timer = Task {
                    try? await Task.sleep(for: .seconds(seconds))
                    guard !Task.isCancelled else { return }
                    gate.resume(with: .failure(StepTimeout(step: step, seconds: seconds)))
                    work.cancel()
                }
                Task {
                    let result = await work.result
                    timer.cancel()
                    gate.resume(with: result.mapError { $0 })
                }
            }
        } onCancel: {
            work.cancel()
        }
    }
}

/// Resumes a continuation exactly once, whichever of the racers comes first (``set(_:)`` runs before either
/// racer starts).
private final class ResumeOnce<R: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<R, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<R, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(with result: Result<R, any Error>) {
        continuation.withLock { stored in defer { stored = nil }; return stored }?.resume(with: result)
    }
}
