import HoopcastCore
import HoopcastStore
import Logging

/// A unit of date-partitioned work: reads the warehouse, computes, writes with idempotent upserts.
///
/// A step never turns a failure into "no rows": it throws, and the engine records the failure and stops the
/// step's downstream steps for that date.
public protocol Step: Sendable {
    /// A unique, stable name such as `analytics.game_summaries`.
    var name: String { get }
    /// The steps that must succeed for the same date before this one runs.
    var upstream: [String] { get }
    /// The most time one attempt may take, in seconds; the engine cancels it when exceeded.
    var timeoutSeconds: Double { get }
    /// Runs the step for `date` (as of the morning of that date).
    func run(date: GameDate, context: StepContext) async throws -> StepReport
}

extension Step {
    public var upstream: [String] { [] }
    public var timeoutSeconds: Double { 600 }
}

/// What a step is given: the store, the run id to stamp on rows, and a logger carrying the run's ids.
public struct StepContext: Sendable {
    /// The warehouse.
    public let store: Store
    /// The run id (also on every row the step writes).
    public let runID: String
    /// A logger with `run_id`, `step` and `date` metadata.
    public let logger: Logger

    /// Creates a context.
    public init(store: Store, runID: String, logger: Logger) {
        self.store = store
        self.runID = runID
        self.logger = logger
    }
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
