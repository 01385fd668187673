import Foundation

/// One row of `ops_pipeline_events` as the queue benchmark reads it.
struct QueueEventRecord: Sendable, Hashable {
    /// The job key.
    let key: String
    /// `queued`, `started`, `succeeded`, …
    let event: String
    /// `occurred_at` (millisecond resolution).
    let at: Date
}

/// Count, percentiles, maximum and mean of a sample of durations, in milliseconds.
struct DurationSummary: Sendable, Hashable, Encodable {
    let count: Int
    let p50: Double
    let p95: Double
    let max: Double
    let mean: Double

    /// Summarises `values` (milliseconds); all zero for an empty sample.
    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        p50 = DurationSummary.percentile(sorted, 50)
        p95 = DurationSummary.percentile(sorted, 95)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The nearest-rank percentile of ascending `sorted` values: the smallest value with at least `percent`% of the
    /// sample at or below it (index ⌈percent/100 · n⌉ − 1). 0 for an empty sample.
    static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
        precondition(percent > 0 && percent <= 100)
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(1, Swift.min(rank, sorted.count)) - 1]
    }
}

/// Pure extraction of the queue benchmark's timings from pipeline events.
enum QueueEventTimings {
    /// An edge of the job graph: `downstream` waits for `upstream`.
    struct Edge: Sendable, Hashable {
        let downstream: String
        let upstream: String
    }

    /// Timings paired from events, and the keys whose events were missing.
    struct Pairs: Sendable, Hashable {
        /// One value per complete pair, milliseconds.
        var milliseconds: [Double] = []
        /// Keys (the later side of each pair) without both events.
        var missing: [String] = []
    }

    /// For every edge: the downstream job's first `started` minus the upstream job's last `succeeded`, in ms. (A
    /// downstream job only becomes claimable once its upstream is done, so its first start follows that success.)
    static func completionToStart(_ events: [QueueEventRecord], edges: [Edge]) -> Pairs {
        let succeeded = last("succeeded", in: events), started = first("started", in: events)
        var pairs = Pairs()
        for edge in edges {
            guard let done = succeeded[edge.upstream], let start = started[edge.downstream] else {
                pairs.missing.append(edge.downstream)
                continue
            }
            pairs.milliseconds.append(milliseconds(from: done, to: start))
        }
        return pairs
    }

    /// For every key: the time from its first `from` event to its first `to` event, in ms (e.g. `queued` →
    /// `started` is the wait for a worker, `started` → `succeeded` a worker's time on a job that never retried).
    static func within(_ keys: [String], from: String, to: String, in events: [QueueEventRecord]) -> Pairs {
        let begin = first(from, in: events), end = first(to, in: events)
        var pairs = Pairs()
        for key in keys {
            guard let start = begin[key], let stop = end[key] else {
                pairs.missing.append(key)
                continue
            }
            pairs.milliseconds.append(milliseconds(from: start, to: stop))
        }
        return pairs
    }

    /// From the earliest `started` to the latest `succeeded` among `events`, in seconds; nil without both.
    static func span(_ events: [QueueEventRecord]) -> Double? {
        let starts = events.filter { $0.event == "started" }.map(\.at)
        let ends = events.filter { $0.event == "succeeded" }.map(\.at)
        guard let start = starts.min(), let end = ends.max() else { return nil }
        return milliseconds(from: start, to: end) / 1000
    }

    /// How many events of each kind.
    static func counts(_ events: [QueueEventRecord]) -> [String: Int] {
        events.reduce(into: [:]) { $0[$1.event, default: 0] += 1 }
    }

    /// `to` − `from` in milliseconds, rounded to the microsecond (event times are whole milliseconds; this drops the
    /// binary floating-point noise of `Date`).
    static func milliseconds(from: Date, to: Date) -> Double {
        (to.timeIntervalSince(from) * 1_000_000).rounded() / 1000
    }

    private static func first(_ event: String, in events: [QueueEventRecord]) -> [String: Date] {
        var times: [String: Date] = [:]
        for record in events where record.event == event {
            times[record.key] = min(times[record.key] ?? record.at, record.at)
        }
        return times
    }

    private static func last(_ event: String, in events: [QueueEventRecord]) -> [String: Date] {
        var times: [String: Date] = [:]
        for record in events where record.event == event {
            times[record.key] = max(times[record.key] ?? record.at, record.at)
        }
        return times
    }
}
