/// A seeded percentile bootstrap of a ratio of sums (a mean, an MAE difference, a ROI), resampling clusters.
///
/// Each cluster carries a total and a weight (for example one date's summed profit and its number of bets); the
/// statistic is Σ total / Σ weight over a sample of clusters. A resample draws as many clusters as there are, with
/// replacement (``SplitMix64/index(below:)``, one draw per cluster, in order), and the interval is the percentile
/// interval of ``resamples`` statistics: sorted, the values at indices ⌊B·α/2⌋ and ⌈B·(1 − α/2)⌉ − 1. The same seed
/// gives the same interval on every run and platform.
public struct Bootstrap: Sendable, Hashable {
    /// The default number of resamples.
    public static let defaultResamples = 2000
    /// The default seed (any fixed value would do; this one is documented in docs/predictions.md).
    public static let defaultSeed: UInt64 = 20_240_101

    /// One resampling unit.
    public struct Cluster: Sendable, Hashable {
        public var total: Double
        public var weight: Double

        /// A unit with its summed value and its weight (how many rows it stands for).
        public init(total: Double, weight: Double) {
            self.total = total
            self.weight = weight
        }
    }

    /// Resamples drawn per interval.
    public var resamples: Int
    /// The generator's seed; every interval starts a fresh generator from it.
    public var seed: UInt64
    /// Coverage of the interval (0.95: a 95% interval).
    public var level: Double
    /// The fewest dates a statistic's rows must span for the evaluation to resample dates; with fewer it resamples
    /// rows (a handful of dates gives a lumpy interval, a single date one of zero width).
    public var minimumDates: Int

    /// A bootstrap with `resamples` resamples from `seed`, at `level` coverage.
    public init(
        resamples: Int = defaultResamples, seed: UInt64 = defaultSeed, level: Double = 0.95, minimumDates: Int = 20
    ) {
        precondition(resamples > 0 && level > 0 && level < 1, "Bootstrap(resamples: \(resamples), level: \(level))")
        self.resamples = resamples
        self.seed = seed
        self.level = level
        self.minimumDates = minimumDates
    }

    /// Σ total / Σ weight; nil when the weights sum to zero.
    public static func estimate(_ clusters: [Cluster]) -> Double? {
        let weight = clusters.reduce(0) { $0 + $1.weight }
        return weight > 0 ? clusters.reduce(0) { $0 + $1.total } / weight : nil
    }

    /// The percentile interval of the statistic; nil without clusters or weight. A resample whose weights sum to zero
    /// (possible only with zero-weight clusters) is drawn again.
    public func interval(_ clusters: [Cluster]) -> Interval? {
        guard !clusters.isEmpty, Bootstrap.estimate(clusters) != nil else { return nil }
        var generator = SplitMix64(seed: seed)
        var statistics: [Double] = []
        statistics.reserveCapacity(resamples)
        while statistics.count < resamples {
            var total = 0.0, weight = 0.0
            for _ in clusters.indices {
                let cluster = clusters[generator.index(below: clusters.count)]
                total += cluster.total
                weight += cluster.weight
            }
            if weight > 0 { statistics.append(total / weight) }
        }
        statistics.sort()
        let alpha = 1 - level
        let low = Int((Double(resamples) * alpha / 2).rounded(.down))
        let high = Int((Double(resamples) * (1 - alpha / 2)).rounded(.up)) - 1
        return Interval(low: statistics[max(low, 0)], high: statistics[min(high, resamples - 1)])
    }

    /// Clusters from rows: one per key (in first-seen order), totalling `value` with weight 1 per row.
    public static func clusters<Row>(
        _ rows: [Row], by key: (Row) -> String, value: (Row) -> Double
    ) -> [Cluster] {
        var order: [String] = []
        var sums: [String: Cluster] = [:]
        for row in rows {
            let k = key(row)
            if sums[k] == nil { order.append(k) }
            sums[k, default: Cluster(total: 0, weight: 0)].total += value(row)
            sums[k]!.weight += 1
        }
        return order.map { sums[$0]! }
    }
}
