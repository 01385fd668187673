import HoopcastCore
import HoopcastEngine
import Synchronization

/// A step that does no work: it commits an empty write (under a worker, the job's completion lands in that
/// transaction, as for every real step) and returns. The queue benchmark measures the queue around it.
struct BenchNoOpStep: Step {
    let name: String
    let upstream: [String]
    /// Where the step notes, per date, when it began and when its commit returned (monotonic clock).
    let marks: StepMarks?
    /// Called after the commit returned.
    let committed: (@Sendable (GameDate) -> Void)?

    /// Creates the step.
    init(
        _ name: String, upstream: [String] = [], marks: StepMarks? = nil,
        committed: (@Sendable (GameDate) -> Void)? = nil
    ) {
        self.name = name
        self.upstream = upstream
        self.marks = marks
        self.committed = committed
    }

    var timeout: Duration { .seconds(60) }

    func run(date: GameDate, context: StepContext) async throws -> StepReport {
        marks?.note(.began, step: name, date: date)
        try await context.commit { _ in 0 }
        marks?.note(.committed, step: name, date: date)
        committed?(date)
        return StepReport(rowsWritten: 0)
    }
}

/// Instants at which steps began and committed, per (step, date), on the monotonic clock: sub-millisecond
/// timings next to the event log's millisecond timestamps.
final class StepMarks: Sendable {
    /// What happened.
    enum Mark: Sendable, Hashable { case began, committed }

    private struct Key: Hashable {
        let mark: Mark
        let step: String
        let date: GameDate
    }

    private let instants = Mutex<[Key: ContinuousClock.Instant]>([:])

    /// Notes `mark` for (step, date) now; a later note of the same kind replaces it.
    func note(_ mark: Mark, step: String, date: GameDate) {
        let now = ContinuousClock.now
        instants.withLock { $0[Key(mark: mark, step: step, date: date)] = now }
    }

    /// For each date: `downstream` began minus `upstream` committed, in milliseconds (dates lacking either are left
    /// out).
    func commitToBegin(upstream: String, downstream: String, dates: [GameDate]) -> [Double] {
        instants.withLock { instants in
            dates.compactMap { date in
                guard let committed = instants[Key(mark: .committed, step: upstream, date: date)],
                    let began = instants[Key(mark: .began, step: downstream, date: date)]
                else { return nil }
                return (began - committed) / .milliseconds(1)
            }
        }
    }
}
