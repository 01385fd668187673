import Foundation
import HoopcastCore
import HoopcastGrading
import Testing

@testable import HoopcastCLI

struct EvaluationTests {
    static func row(
        _ recommendation: Recommendation, predicted: Double, actual: Double?, line: Double?,
        overOdds: Double? = nil, pOver: Double? = nil, edge: Double? = nil, profit: Double? = nil
    ) -> EvaluatedPrediction {
        EvaluatedPrediction(
            system: .matchup, market: .points, recommendation: recommendation, predictedValue: predicted,
            actual: actual, line: line, overOdds: overOdds, underOdds: nil, rawOverProbability: pOver,
            overProbability: pOver, edge: edge, profitUnits: profit)
    }

    static let rows = [
        row(.over, predicted: 25, actual: 30, line: 22.5, overOdds: 150, pOver: 0.7, edge: 0.3, profit: 1.5),
        row(.under, predicted: 18, actual: 22, line: 20.5, pOver: 0.3, edge: 0.7 - 110.0 / 210, profit: -1),
        row(.pass, predicted: 10, actual: 12, line: 9.5, pOver: 0.52, edge: 0.52 - 110.0 / 210),
        row(.noLine, predicted: 5, actual: 3, line: nil),
        row(.over, predicted: 15, actual: nil, line: 14.5, pOver: 0.8, edge: 0.276, profit: 0),  // did not play: void
    ]

    @Test func reportMatchesHandComputation() throws {
        let report = Evaluation.report(from: GameDate("2024-01-01")!, to: GameDate("2024-01-31")!, rows: Self.rows)
        let result = try #require(report.results.first)
        #expect(result.predictions == 4 && result.linedPredictions == 3)
        #expect(result.mae == (5 + 4 + 2 + 2) / 4.0)
        #expect(abs(result.modelMaeLined! - 11.0 / 3) < 1e-12 && abs(result.lineMae! - 11.5 / 3) < 1e-12)
        #expect(result.bets == 2 && result.wins == 1 && result.losses == 1 && result.pushes == 0)
        #expect(result.hitRate == 0.5 && result.roi == 0.25)
        // By edge, every calibrated lined prediction on its better side: the PASS (edge < 0) would have won at −110.
        #expect(result.byEdge.count == 2)
        let negative = result.byEdge[0], large = result.byEdge[1]
        #expect(negative.minEdge == -1 && negative.maxEdge == 0 && negative.bets == 1 && negative.wins == 1)
        #expect(abs(negative.roi! - 100.0 / 110) < 1e-12)
        #expect(large.minEdge == 0.10 && large.bets == 2 && large.wins == 1 && large.roi == 0.25)
        #expect(result.calibration.map(\.bucket) == ["0.3-0.4", "0.5-0.6", "0.7-0.8"])
        #expect(result.calibration.allSatisfy { $0.observed == 1 && $0.n == 1 })
    }

    @Test func thresholdTuningCountsTheBetsEachThresholdTakes() {
        let table = ThresholdTuning.table(Self.rows)
        let atZero = table.first { $0.threshold == 0 }!, atFive = table.first { $0.threshold == 0.05 }!
        #expect(atZero.bets == 2 && atFive.bets == 2)  // the PASS row's edge is negative
        #expect(table.first { $0.threshold == 0.10 }!.bets == 2)
        #expect(ThresholdTuning.best(table, system: .matchup) == nil)  // fewer than the minimum bets
    }

    /// The JSON has exactly the keys (plus `raw_calibration`), with nulls rather than missing keys.
    @Test func jsonHasTheDocumentedShape() throws {
        var rows = Self.rows
        rows.append(Self.row(.noLine, predicted: 2, actual: 1, line: nil))
        rows[rows.count - 1].system = .similarity
        let report = Evaluation.report(from: GameDate("2024-01-01")!, to: GameDate("2024-01-31")!, rows: rows)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONOutput.encode(report).utf8)) as? [String: Any])
        #expect(object["from"] as? String == "2024-01-01" && object["to"] as? String == "2024-01-31")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let required: Set<String> = [
            "system", "market", "predictions", "mae", "lined_predictions", "model_mae_lined", "line_mae", "bets",
            "wins",
            "losses", "pushes", "hit_rate", "roi", "by_edge", "calibration",
        ]
        for result in results {
            #expect(required.isSubset(of: Set(result.keys)), "\(required.subtracting(result.keys))")
        }
        let unlined = try #require(results.first { $0["system"] as? String == "similarity" })
        #expect(unlined["line_mae"] is NSNull && unlined["roi"] is NSNull)
        let bucket = try #require((results[0]["by_edge"] as? [[String: Any]])?.first)
        #expect(Set(bucket.keys) == ["min_edge", "max_edge", "bets", "wins", "hit_rate", "roi"])
        let calibration = try #require((results[0]["calibration"] as? [[String: Any]])?.first)
        #expect(Set(calibration.keys) == ["bucket", "predicted", "observed", "n"])
    }
}
