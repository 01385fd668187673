import Synchronization

/// Runs work with a time limit enforced while it runs: when the limit passes, the caller gets the timeout error at
/// once, and the work is cancelled and abandoned even if it ignores cancellation (a query whose answer never
/// comes, a busy loop). Used for the pipeline's step attempts and for every PostgreSQL round trip.
public enum TimeLimit {
    /// Runs `body`; after `limit`, throws `timeout()` and abandons it.
    public static func run<R: Sendable>(
        limit: Duration, timeout: @escaping @Sendable () -> any Error,
        _ body: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        let work = Task { try await body() }
        let gate = ResumeOnce<R>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                gate.set(continuation)
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    guard !Task.isCancelled else { return }
                    gate.resume(with: .failure(timeout()))
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
        continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }?.resume(with: result)
    }
}
