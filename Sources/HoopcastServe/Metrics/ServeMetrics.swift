import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore
import Prometheus

/// The server's Prometheus registry and the gauges it refreshes from the store at each scrape: jobs by state, each
/// step's and each source's last success, and each step's median and maximum duration over the latest 14 dates.
/// Read from the shared store, these describe the whole fleet (every worker writing to it), not only this process.
/// Request durations and the HTTP client's attempts are recorded as they happen into the same registry.
public final class ServeMetrics: Sendable {
    /// Where every metric of the process goes.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over ``registry`` (the HTTP client's and the request middleware's metrics).
    public let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["hoopcast_http_request_duration_seconds"] = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        factory.durationHistogramBuckets[Worker.stepDurationMetric] = [
            .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300),
        ]
        self.factory = factory
    }

    /// The exposition text after refreshing the store's gauges.
    public func scrape(store: Store) async throws -> String {
        let counts = try await JobQueue(store: store).counts()
        for status in JobStatus.allCases {
            registry.makeGauge(
                name: "hoopcast_jobs", labels: [("state", status.rawValue)], help: "Jobs in the queue by state."
            ).set(Double(counts[status] ?? 0))
        }
        let board = JobBoard(db: store.sql)
        for (step, finished) in try await board.lastSuccess() {
            registry.makeGauge(
                name: "hoopcast_step_last_success_timestamp_seconds", labels: [("step", step)],
                help: "When the step last succeeded (Unix time)."
            ).set(finished.sinceEpoch.seconds)
        }
        for durations in try await board.stepDurations(latestDates: 14) {
            for (quantile, value) in [("0.5", durations.median), ("1", durations.maximum)] {
                registry.makeGauge(
                    name: "hoopcast_step_duration_seconds", labels: [("step", durations.step), ("quantile", quantile)],
                    help: "Successful step attempts of the latest 14 dates: median (0.5) and maximum (1)."
                ).set(value.seconds)
            }
        }
        for (source, instant) in try await FetchManifest(store: store).lastSuccess() {
            registry.makeGauge(
                name: "hoopcast_source_last_success_timestamp_seconds", labels: [("source", source)],
                help: "When a payload of the source last parsed (Unix time)."
            ).set(instant.sinceEpoch.seconds)
        }
        return registry.emitToString()
    }
}
