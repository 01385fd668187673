import HoopcastCore
import HoopcastGrading
import HoopcastPredictions
import Testing

struct DailyPerformanceTests {
    static func graded(
        _ system: SystemName, _ recommendation: Recommendation, predicted: Double, line: Double?,
        actual: Double?, overOdds: Double? = nil
    ) -> GradedPrediction {
        let input = GradeInput(
            recommendation: recommendation, predictedValue: predicted, line: line, overOdds: overOdds,
            underOdds: nil, actual: actual)
        return GradedPrediction(
            gameID: "g", playerID: Int(predicted * 10), market: .points, system: system,
            gameDate: GameDate("2024-01-15")!, recommendation: recommendation, predictedValue: predicted,
            line: line, overProbability: nil, edge: nil, grade: Grader.grade(input))
    }

    @Test func aggregatesPerSystemAndMarket() {
        let rows = [
            // win +1.5, error 5, line error 7.5
            Self.graded(.matchup, .over, predicted: 25, line: 22.5, actual: 30, overOdds: 150),
            Self.graded(.matchup, .under, predicted: 18, line: 20.5, actual: 22),  // loss −1, error 4, line error 1.5
            Self.graded(.matchup, .over, predicted: 21, line: 20, actual: 20),  // push 0, error 1, line error 0
            Self.graded(.matchup, .pass, predicted: 10, line: 9.5, actual: 12),  // no bet, error 2, line error 2.5
            Self.graded(.matchup, .noLine, predicted: 5, line: nil, actual: 3),  // error 2, not lined
            Self.graded(.matchup, .over, predicted: 15, line: 14.5, actual: nil),  // did not play: void
            Self.graded(.similarity, .noLine, predicted: 7, line: nil, actual: 8),
        ]
        let daily = DailyPerformance.aggregate(rows)
        #expect(daily.map(\.system) == [.matchup, .similarity])
        let matchup = daily[0]
        #expect(matchup.predictions == 6 && matchup.graded == 5 && matchup.lined == 4)
        #expect(matchup.meanAbsoluteError == (5 + 4 + 1 + 2 + 2) / 5.0)
        #expect(matchup.modelMeanAbsoluteErrorLined == (5 + 4 + 1 + 2) / 4.0)
        #expect(matchup.lineMeanAbsoluteError == (7.5 + 1.5 + 0 + 2.5) / 4)
        #expect(matchup.bets == 3 && matchup.wins == 1 && matchup.losses == 1 && matchup.pushes == 1)
        #expect(matchup.profitUnits == 0.5)
        #expect(daily[1].predictions == 1 && daily[1].bets == 0 && daily[1].profitUnits == 0)
    }
}
