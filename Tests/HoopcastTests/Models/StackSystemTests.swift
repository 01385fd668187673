import HoopcastCore
import Testing

@testable import HoopcastModels

/// The stack's ridge fit against numpy (`np.linalg.solve(AᵀA + λI, Aᵀy)` on the same rows), its shrinkage to the
/// line, and its fallbacks.
@Suite struct StackSystemTests {
    /// 120 rows: deviations cycling through small integers, similarity missing on even rows (it then agrees with
    /// the line), and an actual of line + 0.3·catboost + 0.1·moving_average + a cycling residual in [−5, 5].
    static let samples: [StackSystem.Sample] = (0..<120).map { i in
        let line = 20 + Double(i % 7)
        var deviations: [SystemName: Double] = [
            .catboost: Double(i % 5) - 2, .matchup: Double(i % 3) - 1, .movingAverage: 0.5 * Double(i % 4) - 0.75,
        ]
        if i % 2 == 1 { deviations[.similarity] = Double(i % 6) - 2.5 }
        let actual =
            line + 0.3 * deviations[.catboost]! + 0.1 * deviations[.movingAverage]! + Double((i * 37) % 11) - 5
        return StackSystem.Sample(line: line, actual: actual, predictions: deviations.mapValues { line + $0 })
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

    @Test func aLightPenaltyGivesTheRidgeSolutionNumpyGives() throws {
        let fit = try #require(StackSystem.fit(Self.samples, penalty: 1))
        #expect(Self.close(fit.intercept, 0.027091186419947382))
        #expect(Self.close(fit.weights[.catboost]!, 0.3112033195020753))
        #expect(Self.close(fit.weights[.matchup]!, 0.23502935895989494))
        #expect(Self.close(fit.weights[.movingAverage]!, 0.06674047764164553))
        #expect(Self.close(fit.weights[.similarity]!, -0.17593445189378729))
        #expect(Self.close(fit.residualSD, 3.161400342930884))
        #expect(fit.samples == 120)
        // The correction of a row: b₀ + Σ w·(p − L), a missing member counting as the line.
        let correction = fit.correction(line: 20, predictions: [.catboost: 22, .matchup: 19])
        #expect(Self.close(correction, 0.027091186419947382 + 2 * 0.3112033195020753 - 0.23502935895989494))
    }

    @Test func theChosenPenaltyShrinksTheCorrectionToAlmostNothing() throws {
        let fit = try #require(StackSystem.fit(Self.samples))
        #expect(Self.close(fit.intercept, -1.9915444728335198e-05, 1e-12))
        #expect(Self.close(fit.weights[.catboost]!, 0.0007482043096568251, 1e-12))
        #expect(Self.close(fit.weights[.similarity]!, -0.00020218912663552232, 1e-12))
        #expect(Self.close(fit.residualSD, 3.200457950428242))
    }

    @Test func thinEvidenceGivesTheLineAndNoLineGivesTheEnsemble() throws {
        #expect(StackSystem.fit(Array(Self.samples.prefix(StackSystem.minimumSamples - 1))) == nil)
        let ensemble = PredictionOutput(predictedValue: 23.4, standardDeviation: 6, overProbability: 0.61)
        let stack = StackSystem()
        let members: [SystemName: Double] = [.catboost: 25, .matchup: 22]
        #expect(
            stack.predict(market: .pointsReboundsAssists, predictions: members, line: nil, fit: nil, fallback: ensemble)
                == ensemble)
        let atLine = stack.predict(
            market: .pointsReboundsAssists, predictions: members, line: 21.5, fit: nil, fallback: ensemble)
        #expect(atLine.predictedValue == 21.5 && atLine.standardDeviation == 6)
        // A half-point line at the mean: exactly even.
        #expect(atLine.overProbability == 0.5)
        let fit = try #require(StackSystem.fit(Self.samples, penalty: 1))
        let corrected = stack.predict(
            market: .pointsReboundsAssists, predictions: members, line: 21.5, fit: fit, fallback: ensemble)
        let expected = 21.5 + fit.correction(line: 21.5, predictions: members)
        #expect(corrected.predictedValue == expected && corrected.standardDeviation == fit.residualSD)
        #expect(
            corrected.overProbability
                == StatDistribution.overProbability(mean: expected, standardDeviation: fit.residualSD, line: 21.5))
        // Assists are a count: P(over) from the count distribution of that mean and spread.
        let assists = stack.predict(market: .assists, predictions: members, line: 21.5, fit: fit, fallback: ensemble)
        #expect(
            assists.overProbability
                == CountDistribution(mean: expected, variance: fit.residualSD * fit.residualSD)
                .overProbability(line: 21.5))
    }

    @Test func gaussianEliminationSolvesAndRefusesSingularSystems() throws {
        // 2x + y = 5, x + 3y = 10 → x = 1, y = 3.
        let x = try #require(StackSystem.solve([2, 1, 1, 3], [5, 10], size: 2))
        #expect(Self.close(x[0], 1) && Self.close(x[1], 3))
        #expect(StackSystem.solve([1, 2, 2, 4], [1, 2], size: 2) == nil)
    }
}
