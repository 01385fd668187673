import HoopcastCore

/// A step run after more steps than it declares: the pipeline definition composes the DAG — a check between two
/// steps — without editing the steps it places the check between. Name, time limit and work are the wrapped step's.
public struct ComposedStep: Step {
    /// The step that does the work.
    public let base: any Step
    /// The wrapped step's upstreams and the added ones.
    public let upstream: [String]
    /// The wrapped step's previous-date upstreams and the added ones.
    public let previousDateUpstream: [String]

    /// Wraps `base`, adding `upstream` and `previousDateUpstream` to its own.
    public init(_ base: any Step, upstream: [String] = [], previousDateUpstream: [String] = []) {
        self.base = base
        self.upstream = base.upstream + upstream.filter { !base.upstream.contains($0) }
        self.previousDateUpstream =
            base.previousDateUpstream + previousDateUpstream.filter { !base.previousDateUpstream.contains($0) }
    }

    public var name: String { base.name }
    public var timeout: Duration { base.timeout }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        try await base.run(date: date, context: context)
    }
}

extension Step {
    /// This step, run also after `steps` (of the same date) succeeded.
    public func after(_ steps: String...) -> ComposedStep { ComposedStep(self, upstream: steps) }
}
