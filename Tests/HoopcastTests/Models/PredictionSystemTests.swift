import HoopcastCore
import HoopcastModels
import Testing

/// Expected values computed independently in Python (math.erfc) from the formulas documented on each system.
struct PredictionSystemTests {
    static func input(_ market: Market, line: Double?, _ values: FeatureValues) -> PredictionInput {
        var features = FeatureValues()
        for feature in Feature.allCases { features[feature] = 0 }
        return PredictionInput(market: market, features: features.merging(values), line: line)
    }

    @Test func movingAverageWeightsAdjustmentsAndSpread() {
        let output = MovingAverageSystem().predict(
            Self.input(
                .points, line: 17.5,
                [
                    .statLast5Mean: 20, .statLast10Mean: 18, .statSeasonMean: 16, .backToBack: 1, .minutesTrend: 5,
                    .statLast10Std: 6, .gamesPlayedSeason: 25,
                ]))
        // (0.5·20 + 0.3·18 + 0.2·16) · 0.97 · 1.01 = 18.22242; sd = √((10·36 + 5·3·18.22242) / 15)
        #expect(abs(output.predictedValue - 18.22242) < 1e-9)
        #expect(abs(output.standardDeviation - 6.497878115200376) < 1e-9)
        #expect(abs(output.overProbability! - 0.5442623348412048) < 1e-9)
    }

    @Test func matchupAdjustsForOpponentPaceAndVenue() {
        let output = MatchupSystem().predict(
            Self.input(
                .rebounds, line: 16,
                [
                    .expectedMinutes: 29.2, .statPerMinuteLast10: 0.6, .statPerMinuteSeason: 0.5,
                    .opponentAllowedVsLeague: 1.21, .teamPace: 100, .opponentPace: 104, .isHome: 1, .statLast10Std: 2,
                    .gamesPlayedSeason: 30,
                ]))
        // 29.2 expected min · 0.55 /min · √1.21 · 1.02 · 1.015 = 18.2896098; rebounds are a count, and a variance of
        // 3.4368² = 11.81 below the mean makes it Poisson: whole-number line 16 → over needs 17, and
        // P(X ≥ 17) = scipy.stats.poisson.sf(16, 18.2896098) = 0.6501257962959608.
        #expect(abs(output.predictedValue - 18.2896098) < 1e-9)
        #expect(abs(output.standardDeviation - 3.436782152925417) < 1e-9)
        #expect(abs(output.overProbability! - 0.6501257962959608) < 1e-9)
    }

    @Test func noLineMeansNoOverProbability() {
        let output = MovingAverageSystem().predict(Self.input(.assists, line: nil, [.statLast5Mean: 4]))
        #expect(output.overProbability == nil)
        #expect(output.predictedValue >= 0)
        #expect(output.standardDeviation >= 0.5)
    }

    @Test(arguments: [0.5, 7.5, 24.5, 50.5])
    func overProbabilityFallsAsTheLineRises(line: Double) {
        let low = StatDistribution.overProbability(mean: 20, standardDeviation: 5, line: line)
        let high = StatDistribution.overProbability(mean: 20, standardDeviation: 5, line: line + 1)
        #expect(low > high)
        #expect((0...1).contains(low))
    }

    @Test func halfPointAndWholeLinesShareTheCut() {
        // Over 20.5 and over 20 (push at 20) both need 21: the same probability.
        let half = StatDistribution.overProbability(mean: 20, standardDeviation: 5, line: 20.5)
        let whole = StatDistribution.overProbability(mean: 20, standardDeviation: 5, line: 20)
        #expect(half == whole)
        #expect(abs(StatDistribution.normalCDF(0) - 0.5) < 1e-15)
    }
}

extension PredictionSystemTests {
    @Test func similarityWeightsTheNearestPastGames() {
        let today: FeatureValues = [
            .opponentDefensiveRating: 110, .opponentPace: 100, .restDays: 1, .isHome: 1, .statSeasonMean: 20,
            .expectedMinutes: 30, .minutesSeasonMean: 30,
        ]
        func past(_ changes: FeatureValues, actual: Double) -> PastGame {
            PastGame(features: today.merging(changes), actual: actual)
        }
        var input = Self.input(.points, line: nil, today)
        input.history = [
            past([:], actual: 30),  // identical: weight 1
            past([.opponentDefensiveRating: 115], actual: 10),  // one scale unit away: weight e^-0.5
            past([.isHome: 0], actual: 20),  // one unit away: weight e^-0.5
            past([.opponentDefensiveRating: 150], actual: 99),  // 8 units away: weight e^-32 ≈ 0
        ]
        let output = SimilaritySystem().predict(input)
        // (30 + e^-0.5·10 + e^-0.5·20 + e^-32·99 + 2·20) / (1 + 2e^-0.5 + e^-32 + 2), computed in Python;
        // spread with Kish's effective games (Σw)²/Σw² = 2.8216.
        #expect(abs(output.predictedValue - 20.93392739971119) < 1e-9)
        #expect(abs(output.standardDeviation - 8.07425706944412) < 1e-9)
    }

    @Test func similarityWithoutHistoryFallsBackToTheSeasonMean() {
        let output = SimilaritySystem().predict(Self.input(.assists, line: 5.5, [.statSeasonMean: 6]))
        #expect(output.predictedValue == 6)
        #expect(output.overProbability != nil)
    }
}

extension PredictionSystemTests {
    @Test func ensembleWeightsByInverseSquaredRecentError() {
        let tracks: [SystemName: EnsembleSystem.Track] = [
            .movingAverage: .init(meanAbsoluteError: 5, graded: 400),
            .matchup: .init(meanAbsoluteError: 4, graded: 400),
            .similarity: .init(meanAbsoluteError: 6, graded: 10),  // too few graded: gets the mean weight
        ]
        let weights = EnsembleSystem.weights(systems: [.matchup, .movingAverage, .similarity], tracks: tracks)
        // 1/25 = 0.04, 1/16 = 0.0625, mean 0.05125 → total 0.15375
        #expect(abs(weights[.movingAverage]! - 0.04 / 0.15375) < 1e-12)
        #expect(abs(weights[.matchup]! - 0.0625 / 0.15375) < 1e-12)
        #expect(abs(weights[.similarity]! - 0.05125 / 0.15375) < 1e-12)
        let equal = EnsembleSystem.weights(systems: [.matchup, .similarity], tracks: [:])
        #expect(equal == [.matchup: 0.5, .similarity: 0.5])
        let combined = EnsembleSystem().combine(
            [
                .matchup: PredictionOutput(predictedValue: 10, standardDeviation: 2, overProbability: nil),
                .similarity: PredictionOutput(predictedValue: 20, standardDeviation: 4, overProbability: nil),
            ], tracks: [:], market: .points, line: 14.5)
        #expect(combined.predictedValue == 15)
        #expect(combined.standardDeviation == 3)
        #expect(abs(combined.overProbability! - (1 - StatDistribution.normalCDF((14.5 - 15) / 3))) < 1e-12)
    }
}
