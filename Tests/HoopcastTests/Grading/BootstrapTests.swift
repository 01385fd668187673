import HoopcastGrading
import Testing

/// The statistics under `evaluate`'s intervals. Expected values were computed independently in Python 3.12 with
/// numpy 2.4.6 and scipy 1.17.1 (script: a plain-Python SplitMix64 and the same resampling rule; scipy's
/// `binomtest(k, n).proportion_ci(method="wilson")`; numpy means for Brier and log loss), printed with `repr`.
struct BootstrapTests {
    /// Twelve date clusters (total, weight), e.g. a date's summed profit and its bets.
    static let clusters: [Bootstrap.Cluster] = [
        (1.5, 2), (-1.0, 1), (0.91, 3), (-2.0, 2), (2.4, 1), (-0.3, 2), (1.0, 1), (-1.0, 1), (0.5, 2), (-1.8, 3),
        (2.7, 2), (-0.6, 1),
    ].map { Bootstrap.Cluster(total: $0.0, weight: $0.1) }

    /// SplitMix64's reference stream for seed 0 (Vigna's splitmix64.c; the Python re-implementation agrees).
    @Test func splitMixMatchesTheReferenceStream() {
        var zero = SplitMix64(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
        var seeded = SplitMix64(seed: Bootstrap.defaultSeed)
        #expect(
            [seeded.next(), seeded.next(), seeded.next()] == [
                15_213_845_624_156_854_423, 18_129_094_820_336_497_254, 10_942_392_947_861_725_455,
            ])
    }

    /// Equal to the Python re-implementation of the same resampling with the same generator (bit for bit: the sums
    /// are taken in the same order).
    @Test func intervalEqualsThePythonReimplementation() throws {
        #expect(abs(Bootstrap.estimate(Self.clusters)! - 0.11) < 1e-15)
        let standard = try #require(Bootstrap().interval(Self.clusters))
        #expect(standard == Interval(low: -0.3666666666666667, high: 0.6057894736842105))
        let other = try #require(Bootstrap(resamples: 500, seed: 7).interval(Self.clusters))
        #expect(other == Interval(low: -0.3571428571428571, high: 0.6535294117647059))
    }

    @Test func intervalIsReproducibleAndContainsTheEstimate() throws {
        let first = try #require(Bootstrap().interval(Self.clusters))
        #expect(Bootstrap().interval(Self.clusters) == first)
        #expect(first.contains(Bootstrap.estimate(Self.clusters)!))
        #expect(Bootstrap(seed: 8).interval(Self.clusters) != first)  // the seed matters
    }

    /// The same clusters repeated 16 times: the same estimate, an interval about 4 times narrower (1/√16).
    @Test func moreDataGivesANarrowerInterval() throws {
        let many = Array(repeating: Self.clusters, count: 16).flatMap { $0 }
        let small = try #require(Bootstrap().interval(Self.clusters)), large = try #require(Bootstrap().interval(many))
        #expect(abs(Bootstrap.estimate(many)! - Bootstrap.estimate(Self.clusters)!) < 1e-12)
        #expect(large.contains(Bootstrap.estimate(many)!))
        #expect(large.width < small.width / 3 && large.width > small.width / 5)
    }

    @Test func noClustersOrNoWeightGiveNoInterval() {
        #expect(Bootstrap().interval([]) == nil)
        #expect(Bootstrap().interval([Bootstrap.Cluster(total: 1, weight: 0)]) == nil)
        // One cluster: every resample is that cluster.
        #expect(Bootstrap().interval([Bootstrap.Cluster(total: 3, weight: 2)]) == Interval(low: 1.5, high: 1.5))
    }

    @Test func clustersSumRowsPerKeyInFirstSeenOrder() {
        let rows = [("b", 1.0), ("a", 2.0), ("b", 3.0)]
        #expect(
            Bootstrap.clusters(rows, by: \.0, value: \.1) == [
                Bootstrap.Cluster(total: 4, weight: 2), Bootstrap.Cluster(total: 2, weight: 1),
            ])
    }

    /// scipy's Wilson intervals.
    @Test(arguments: [
        (7, 10, 0.39677814746114526, 0.892208732593699), (0, 5, 0.0, 0.43448246478317476),
        (45, 100, 0.35614537979511984, 0.5475539700255787), (123, 250, 0.43062008266589896, 0.553622050126028),
    ])
    func wilsonMatchesScipy(successes: Int, trials: Int, low: Double, high: Double) throws {
        let interval = try #require(Wilson.interval(successes: successes, trials: trials))
        #expect(abs(interval.low - low) < 1e-12 && abs(interval.high - high) < 1e-12, "\(interval)")
        #expect(Wilson.interval(successes: 0, trials: 0) == nil)
    }

    /// numpy: mean((p − y)²) = 0.24858 and −mean(y ln p + (1 − y) ln(1 − p)) = 0.7664760755551899.
    @Test func brierAndLogLossMatchNumpy() {
        let forecasts: [(Double, Bool)] = [(0.7, true), (0.3, false), (0.52, true), (0.9, false), (0.15, false)]
        let brier = forecasts.map { ProbabilityScore.brier($0.0, outcome: $0.1) }.reduce(0, +) / 5
        let logLoss = forecasts.map { ProbabilityScore.logLoss($0.0, outcome: $0.1) }.reduce(0, +) / 5
        #expect(abs(brier - 0.24858) < 1e-12 && abs(logLoss - 0.7664760755551899) < 1e-12)
        #expect(ProbabilityScore.logLoss(1, outcome: false).isFinite)  // clipped
    }
}
