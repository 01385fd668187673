import HoopcastCore
import HoopcastEngine
import Metrics
import MetricsTestKit
import Testing

@testable import HoopcastServe

/// Each attempt a worker runs is timed into `hoopcast_step_attempt_duration_seconds` by step and outcome — the histogram
/// `serve --workers` exposes at `/metrics`.
struct WorkerMetricsTests {
    struct Refused: Error {}

    @Test func eachAttemptIsTimedByStepAndOutcome() async throws {
        let store = try await TestEngine.sqlite.freshStore()
        let clock = ManualClock()
        let queue = JobQueue(store: store, clock: clock)
        let pipeline = try Pipeline([
            ScriptedStep("fetch") { _, _, _ in
                clock.advance(by: .seconds(2))
                return StepReport(rowsWritten: 0)
            },
            ScriptedStep("parse", upstream: ["fetch"]) { _, _, _ in
                clock.advance(by: .milliseconds(500))
                throw ClassifiedError(.permanent, "refused")
            },
        ])
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [GameDate("2024-01-15")!], maxAttempts: 1), correlationID: "m")
        let metrics = TestMetrics()
        try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(10), metrics: metrics)
            .run(drain: true)
        let done = try metrics.expectTimer(Worker.stepDurationMetric, [("step", "fetch"), ("outcome", "done")])
        #expect(done.values == [2_000_000_000])
        let failed = try metrics.expectTimer(Worker.stepDurationMetric, [("step", "parse"), ("outcome", "failed")])
        #expect(failed.values == [500_000_000])
        #expect(metrics.timers.count == 2)

        // Through serve's registry: a Prometheus histogram with the configured buckets, in seconds.
        let serve = ServeMetrics()
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [GameDate("2024-01-16")!], maxAttempts: 1), correlationID: "p")
        try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(10), metrics: serve.factory)
            .run(drain: true)
        let text = try await serve.scrape(store: store)
        #expect(
            text.contains(#"hoopcast_step_attempt_duration_seconds_bucket{step="fetch",outcome="done",le="2.0"} 1"#))
        #expect(
            text.contains(#"hoopcast_step_attempt_duration_seconds_bucket{step="fetch",outcome="done",le="1.0"} 0"#))
        #expect(text.contains(#"hoopcast_step_attempt_duration_seconds_sum{step="parse",outcome="failed"} 0.5"#))
    }
}
