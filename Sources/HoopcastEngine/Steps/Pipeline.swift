/// A DAG of steps: validated once (unique names, known upstreams, no cycles) and run in dependency order.
public struct Pipeline: Sendable {
    /// The steps in a valid execution order (every step after its upstreams).
    public let ordered: [any Step]

    /// Validates and orders `steps`; throws a ``StepFailure`` describing a duplicate, unknown upstream or cycle.
    public init(_ steps: [any Step]) throws(StepFailure) {
        var byName: [String: any Step] = [:]
        for step in steps {
            guard byName[step.name] == nil else { throw StepFailure("two steps are named \(step.name)") }
            byName[step.name] = step
        }
        for step in steps {
            for name in step.upstream where byName[name] == nil {
                throw StepFailure("step \(step.name) depends on unknown step \(name)")
            }
        }
        var ordered: [any Step] = []
        var state: [String: Int] = [:]  // 1 = visiting, 2 = done
        func visit(_ step: any Step, path: [String]) throws(StepFailure) {
            switch state[step.name] {
            case 2: return
            case 1: throw StepFailure("steps form a cycle: \((path + [step.name]).joined(separator: " → "))")
            default: break
            }
            state[step.name] = 1
            for name in step.upstream { try visit(byName[name]!, path: path + [step.name]) }
            state[step.name] = 2
            ordered.append(step)
        }
        for step in steps { try visit(step, path: []) }
        self.ordered = ordered
    }

    /// Every step that depends, directly or not, on `name`.
    public func downstream(of name: String) -> Set<String> {
        var result: Set<String> = []
        for step in ordered where step.upstream.contains(where: { $0 == name || result.contains($0) }) {
            result.insert(step.name)
        }
        return result
    }
}
