import Foundation
import HoopcastCore

/// Turns a pipeline and a list of dates into jobs with their dependency edges.
public enum JobPlan {
    /// One job per (step, date): each depends on its step's upstreams for the same date and on its
    /// ``Step/previousDateUpstream`` steps for the previous date in `dates`. Earlier dates get lower priorities, so
    /// workers finish dates in order while running later dates' independent steps alongside.
    public static func specs(
        pipeline: Pipeline, dates: [GameDate], maxAttempts: Int = 3,
        deadline: Date? = nil
    ) -> [JobSpec] {
        let ordered = dates.sorted()
        var specs: [JobSpec] = []
        for (dateIndex, date) in ordered.enumerated() {
            let previous = dateIndex > 0 ? ordered[dateIndex - 1] : nil
            for (stepIndex, step) in pipeline.ordered.enumerated() {
                var dependencies = step.upstream.map { JobSpec.Dependency(key: JobSpec.key(step: $0, date: date)) }
                if let previous {
                    dependencies += step.previousDateUpstream.map {
                        JobSpec.Dependency(key: JobSpec.key(step: $0, date: previous))
                    }
                }
                specs.append(
                    JobSpec(
                        step: step.name, date: date, dependencies: dependencies, maxAttempts: maxAttempts,
                        timeout: step.timeout,
                        priority: dateIndex * pipeline.ordered.count + stepIndex, deadline: deadline))
            }
        }
        return specs
    }
}
