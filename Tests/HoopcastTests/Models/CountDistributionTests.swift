import HoopcastCore
import Testing

@testable import HoopcastModels

/// The count distribution against scipy.stats (`nbinom` with n = r, p = r / (r + μ); `poisson`), at half-point and
/// whole-number lines, where the push is its own outcome.
@Suite struct CountDistributionTests {
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    @Test func overdispersedCountsAreNegativeBinomial() throws {
        // Mean 5.3, variance 9.1: r = 5.3² / 3.8 = 7.392105263157895.
        let assists = CountDistribution(mean: 5.3, variance: 9.1)
        #expect(Self.close(try #require(assists.size), 7.392105263157895))
        #expect(Self.close(assists.overProbability(line: 5.5), 0.4200391346305779))  // nbinom.sf(5, r, p)
        #expect(Self.close(assists.overProbability(line: 6), 0.3042776974481851))  // sf(6): 6 is a push
        #expect(Self.close(assists.pushProbability(line: 6), 0.11576143718239278))  // pmf(6)
        #expect(Self.close(assists.overProbability(line: 0.5), 0.9816097114343842))
        // At a whole line over, push and under are the whole distribution; at a half line there is no push.
        #expect(
            Self.close(assists.overProbability(line: 6) + assists.pushProbability(line: 6) + assists.cumulative(5), 1))
        #expect(assists.pushProbability(line: 5.5) == 0)
        let threes = CountDistribution(mean: 2.4, variance: 3.0)
        #expect(Self.close(threes.overProbability(line: 2.5), 0.4182651750881668))
    }

    @Test func countsWithoutOverdispersionArePoisson() {
        let rebounds = CountDistribution(mean: 1.7, variance: 1.2)
        #expect(rebounds.size == nil)
        #expect(Self.close(rebounds.overProbability(line: 1.5), 0.5067544850576164))  // poisson.sf(1, 1.7)
        #expect(Self.close(rebounds.overProbability(line: 2), 0.24277679280141487))  // sf(2)
        #expect(Self.close(rebounds.pushProbability(line: 2), 0.26397769225620155))  // pmf(2)
        let zero = CountDistribution(mean: 0, variance: 0.25)
        #expect(zero.overProbability(line: 0.5) == 0 && zero.cumulative(0) == 1)
    }

    @Test func onlyTheCountMarketsUseIt() {
        let counted = StatDistribution.overProbability(
            market: .threes, mean: 2.4, standardDeviation: 3.0.squareRoot(), line: 2.5)
        #expect(Self.close(counted, 0.4182651750881668))
        let normal = StatDistribution.overProbability(market: .points, mean: 20, standardDeviation: 5, line: 20.5)
        #expect(normal == StatDistribution.overProbability(mean: 20, standardDeviation: 5, line: 20.5))
        #expect(StatDistribution.countMarkets == [.rebounds, .assists, .threes])
    }
}
