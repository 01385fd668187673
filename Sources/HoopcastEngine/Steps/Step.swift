import HoopcastCore
import HoopcastStore
import Logging
import SQLKit
import Synchronization

/// A unit of date-partitioned work: reads the warehouse, computes, writes with idempotent upserts.
///
/// A step never turns a failure into "no rows": it throws, and the engine records the failure and stops the
/// step's downstream steps for that date.
public protocol Step: Sendable {
    /// A unique, stable name such as `analytics.game_summaries`.
    var name: String { get }
    /// The steps that must succeed for the same date before this one runs.
    var upstream: [String] { get }
    /// Steps that must be done for the previous date of a backfill before this one runs for a date (a step whose
    /// results feed later dates, such as grades feeding calibration, or one that must not race itself).
    var previousDateUpstream: [String] { get }
    /// The most time one attempt may take; the engine cancels it when exceeded.
    var timeout: Duration { get }
    /// Runs the step for `date` (as of the morning of that date).
    func run(date: GameDate, context: StepContext) async throws -> StepReport
}

extension Step {
    public var upstream: [String] { [] }
    public var previousDateUpstream: [String] { [] }
    public var timeout: Duration { .seconds(600) }
}

/// What a step is given: the store, the run id to stamp on rows, a logger carrying the run's ids, and
/// ``commit(_:)``, the one transaction its writes land in.
public struct StepContext: Sendable {
    /// The warehouse.
    public let store: Store
    /// The run id (also on every row the step writes).
    public let runID: String
    /// A logger with `run_id`, `step` and `date` metadata.
    public let logger: Logger
    /// Runs inside the commit transaction after the step's writes (the queue marks the job done there).
    let acknowledge: (@Sendable (any SQLDatabase, Int) async throws -> Void)?
    /// Runs inside the commit transaction of ``commit(failing:_:)`` after the step's writes: the queue fails the job
    /// for good there (with the rows written and the reason) and returns how many waiting jobs failed with it.
    let reject: (@Sendable (any SQLDatabase, Int, String) async throws -> Int)?
    /// The queue the job came from (its clock stamps follow-up jobs).
    let queue: JobQueue?
    let commits = CommitCounter()

    /// Creates a context.
    public init(store: Store, runID: String, logger: Logger) {
        self.init(store: store, runID: runID, logger: logger, queue: nil, acknowledge: nil, reject: nil)
    }

    init(
        store: Store, runID: String, logger: Logger, queue: JobQueue?,
        acknowledge: (@Sendable (any SQLDatabase, Int) async throws -> Void)?,
        reject: (@Sendable (any SQLDatabase, Int, String) async throws -> Int)?
    ) {
        self.store = store
        self.runID = runID
        self.logger = logger
        self.queue = queue
        self.acknowledge = acknowledge
        self.reject = reject
    }

    /// Queues follow-up jobs under this run's correlation id inside `db`, the transaction of ``commit(_:)``: they
    /// exist only if the step's writes land. `force` re-opens jobs that are done or failed (a running one is left
    /// alone). Returns the jobs (re)opened.
    @discardableResult
    public func enqueue(_ specs: [JobSpec], force: Bool, on db: any SQLDatabase) async throws -> Int {
        try await (queue ?? JobQueue(store: store)).enqueue(specs, correlationID: runID, force: force, on: db)
    }

    /// Writes the step's results in one transaction; `body` returns the rows it changed. Run by the queue, the job
    /// is marked done in the same transaction, so the writes and the acknowledgement land together or not at all.
    /// A step commits at most once, as its last act.
    public func commit(_ body: @escaping @Sendable (any SQLDatabase) async throws -> Int) async throws {
        try await commit { db in (try await body(db), ()) }
    }

    /// ``commit(_:)`` for a body that also returns a value (what it wrote, for the step's report).
    @discardableResult
    public func commit<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> (rowsWritten: Int, value: T)
    ) async throws -> T {
        guard commits.increment() == 1 else {
            throw StepFailure("a step commits its writes once; this one tried again")
        }
        return try await store.transaction { [acknowledge] db in
            let (rows, value) = try await body(db)
            try await acknowledge?(db, rows)
            return value
        }
    }

    /// Writes the step's results in one transaction and ends the job **failed**, for good, in that same
    /// transaction — for a step whose writes are the evidence of why the date must stop (a blocking data-quality
    /// check stores its results, then blocks the date's downstream steps). Run by the queue, the job is marked
    /// failed with `failure` as its reason (permanent: never retried), the attempt's rows are recorded, and every
    /// job waiting on it fails as `upstream`; fenced by the lease like ``commit(_:)`` (an attempt that lost its lease
    /// writes nothing). Always throws: ``CommittedFailure`` once the transaction has committed. A step commits at
    /// most once, as its last act.
    public func commit(
        failing failure: some Error & Sendable, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Int
    ) async throws -> Never {
        guard commits.increment() == 1 else {
            throw StepFailure("a step commits its writes once; this one tried again")
        }
        let reason = String(describing: failure)
        let dependents = try await store.transaction { [reject] db -> Int? in
            let rows = try await body(db)
            return try await reject?(db, rows, reason)
        }
        throw CommittedFailure(failure: failure, dependents: dependents)
    }

    /// Whether the step committed.
    var committed: Bool { commits.value > 0 }
}

/// A step's writes committed together with its job's permanent failure (``StepContext/commit(failing:_:)``): the
/// queue has already recorded the failure, so the worker reports it as is.
public struct CommittedFailure: Error, Sendable, CustomStringConvertible {
    /// Why the job failed, as the step said it.
    public let failure: any Error & Sendable
    /// How many waiting jobs failed with it; nil when the step ran outside the queue.
    public let dependents: Int?
    /// The job's `last_error`: the failure's description.
    public var reason: String { String(describing: failure) }
    public var description: String { reason }
}

/// Counts a context's commits (shared by copies of the context).
final class CommitCounter: Sendable {
    private let count = Mutex(0)
    func increment() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
    var value: Int { count.withLock { $0 } }
}

/// What a step did.
public struct StepReport: Sendable, Hashable {
    /// Rows inserted or updated.
    public var rowsWritten: Int
    /// Short facts for the person running the command ("12 games summarised").
    public var notes: [String]

    /// Creates a report.
    public init(rowsWritten: Int, notes: [String] = []) {
        self.rowsWritten = rowsWritten
        self.notes = notes
    }
}

/// A step found its inputs or outputs wrong: missing data where rows were expected, broken invariants.
public struct StepFailure: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}
