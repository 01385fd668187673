import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Synchronization

/// A step whose behaviour the test scripts: it runs `body` with the attempt number (1, 2, …) per date.
struct ScriptedStep: Step {
    let name: String
    let upstream: [String]
    let previousDateUpstream: [String]
    let timeout: Duration
    let body: @Sendable (_ date: GameDate, _ attempt: Int, _ context: StepContext) async throws -> StepReport
    let attempts = AttemptCounter()

    init(
        _ name: String, upstream: [String] = [], previousDateUpstream: [String] = [], timeout: Duration = .seconds(60),
        body: @escaping @Sendable (GameDate, Int, StepContext) async throws -> StepReport = { _, _, _ in
            StepReport(rowsWritten: 0)
        }
    ) {
        self.name = name
        self.upstream = upstream
        self.previousDateUpstream = previousDateUpstream
        self.timeout = timeout
        self.body = body
    }

    func run(date: GameDate, context: StepContext) async throws -> StepReport {
        try await body(date, attempts.next(date), context)
    }
}

/// Attempts per date.
final class AttemptCounter: Sendable {
    private let counts = Mutex<[GameDate: Int]>([:])
    func next(_ date: GameDate) -> Int {
        counts.withLock {
            $0[date, default: 0] += 1
            return $0[date]!
        }
    }
    func count(_ date: GameDate) -> Int { counts.withLock { $0[date] ?? 0 } }
}

/// Holds steps that hang like a query that never returns (suspended, deaf to cancellation) until the test is over.
final class Release: Sendable {
    private let state = Mutex<(released: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    /// Suspends until ``set()``; cancellation does not wake it.
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.released { return true }
                state.waiting.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func set() {
        let waiting = state.withLock { state in
            state.released = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    var isSet: Bool { state.withLock { $0.released } }
}

extension JobQueue {
    /// Rows of `ops_pipeline_events` for a job, oldest first: (event, attempt, delay).
    func events(of key: String) async throws -> [(event: String, attempt: Int?, delay: Double?)] {
        try await store.sql.raw(
            """
            SELECT event, attempt, delay_seconds FROM ops_pipeline_events WHERE job_key = \(bind: key) ORDER BY id
            """
        ).all().map {
            (
                try $0.decode(column: "event", as: String.self), try $0.decode(column: "attempt", as: Int?.self),
                try $0.decode(column: "delay_seconds", as: Double?.self)
            )
        }
    }

    /// The stored error text and kind of a job.
    func error(of key: String) async throws -> (text: String?, kind: String?) {
        let row = try await store.sql.raw("SELECT last_error, error_kind FROM ops_jobs WHERE job_key = \(bind: key)")
            .first()
        return (
            try row?.decode(column: "last_error", as: String?.self),
            try row?.decode(column: "error_kind", as: String?.self)
        )
    }
}
