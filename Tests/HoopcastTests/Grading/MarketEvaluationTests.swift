import Foundation
import HoopcastAnalytics
import HoopcastCore
import Testing

@testable import HoopcastGrading

/// The market as the reference row. Expected values by hand; those with prices were computed in Python 3.12
/// (vig-free P(over) = i(over) / (i(over) + i(under)) with i(−120) = 120/220, i(+100) = 100/200, …, printed with
/// `repr`): market P(over) at −120/+100 = 0.5217391304347826, at −130/+110 = 0.5427435387673957.
struct MarketEvaluationTests {
    static let first = GameDate("2024-01-02")!, second = GameDate("2024-01-03")!

    static func row(
        _ system: SystemName, _ recommendation: Recommendation, predicted: Double, actual: Double?, line: Double?,
        odds: (Double, Double)? = nil, pOver: Double? = nil, profit: Double? = nil, date: GameDate, player: Int,
        minutes: Double? = nil, closing: LineQuote? = nil
    ) -> EvaluatedPrediction {
        EvaluatedPrediction(
            system: system, market: .points, recommendation: recommendation, predictedValue: predicted,
            actual: actual, line: line, overOdds: odds?.0, underOdds: odds?.1, rawOverProbability: pOver,
            overProbability: pOver, edge: pOver.map { $0 - 0.5 }, profitUnits: profit, gameDate: date,
            gameID: "G\(player)", playerID: player, expectedMinutes: minutes, lineBook: line == nil ? nil : "consensus",
            closing: closing)
    }

    /// matchup's rows; catboost has the same lined rows, predicting line + 2 (and no bets).
    static let matchup = [
        row(
            .matchup, .over, predicted: 25, actual: 30, line: 22.5, odds: (-110, -110), pOver: 0.6, profit: 100.0 / 110,
            date: first, player: 1, minutes: 34, closing: LineQuote(line: 23.5, overOdds: -110, underOdds: -110)),
        row(
            .matchup, .under, predicted: 18, actual: 22, line: 20.5, odds: (-120, 100), pOver: 0.35, profit: -1,
            date: first, player: 2, minutes: 25, closing: LineQuote(line: 20.5, overOdds: -130, underOdds: 110)),
        row(
            .matchup, .pass, predicted: 12, actual: 10, line: 10, odds: (-110, -110), pOver: 0.55, date: second,
            player: 3, minutes: 15),  // a push: never scored
        row(.matchup, .pass, predicted: 8, actual: 5, line: 6.5, pOver: 0.45, date: second, player: 4),  // no prices
        row(.matchup, .over, predicted: 15, actual: nil, line: 14.5, pOver: 0.8, profit: 0, date: second, player: 5),
        row(.matchup, .noLine, predicted: 5, actual: 3, line: nil, date: second, player: 6),
    ]

    static var rows: [EvaluatedPrediction] {
        matchup
            + matchup.map { row in
                var copy = row
                copy.system = .catboost
                copy.predictedValue = (copy.line ?? copy.predictedValue) + 2
                if copy.recommendation.isBet { copy.recommendation = .pass }
                copy.profitUnits = nil
                return copy
            }
    }

    /// The report, resampling dates from two dates on (the default needs 20).
    static func report(_ bootstrap: Bootstrap = Bootstrap(minimumDates: 2)) -> EvaluationReport {
        Evaluation.report(from: first, to: second, rows: rows, bootstrap: bootstrap)
    }

    @Test func theLineIsARowOfItsOwnCountingEachLinedRowOnce() throws {
        let line = try #require(Self.report().lineReference.first)
        #expect(Self.report().lineReference.count == 1 && line.market == "points")
        #expect(line.linedPredictions == 4)  // rows 1–4 (row 5 did not play), once although two systems have them
        #expect(line.mae == (7.5 + 1.5 + 0 + 1.5) / 4)
        // Scored: rows 1 and 2 (row 3 is a push, row 4 has no prices). Both went over.
        #expect(line.scored == 2)
        #expect(abs(line.brier! - 0.23936672967863895) < 1e-12)  // (0.5² + (1 − 0.52174)²) / 2
        #expect(abs(line.logLoss! - 0.6718673733505474) < 1e-12)  // (−ln 0.5 − ln 0.52174) / 2
    }

    @Test func eachSystemIsComparedWithTheLineOnItsLinedRows() throws {
        let report = Self.report()
        let matchup = try #require(report.results.first { $0.system == .matchup })
        #expect(matchup.modelMaeLined == (5 + 4 + 2 + 3) / 4.0 && matchup.lineMae == 2.625)
        #expect(matchup.maeDifference == 0.875)
        let interval = try #require(matchup.maeDifferenceInterval)
        #expect(interval.contains(0.875) && interval.low < interval.high)
        // Two dates: date 1's rows differ from the line by (−2.5, +2.5), date 2's by (+2, +1.5).
        #expect(abs(interval.low - 0) < 1e-12 && abs(interval.high - 1.75) < 1e-12 && interval.unit == "date")
        // With the default minimum of 20 dates, two dates are too few: rows are resampled instead.
        let byRow = try #require(
            Self.report(Bootstrap()).results.first { $0.system == .matchup }?.maeDifferenceInterval)
        #expect(byRow.unit == "row" && byRow.contains(0.875) && byRow != interval)
        let scores = matchup.scores
        #expect(scores.scored == 2)
        #expect(abs(scores.brier! - 0.29125) < 1e-12 && abs(scores.marketBrier! - 0.23936672967863895) < 1e-12)
        #expect(abs(scores.brierDifference! - 0.05188327032136106) < 1e-12)
        #expect(abs(scores.logLoss! - 0.7803238741323343) < 1e-12)  // (−ln 0.6 − ln 0.35) / 2
        #expect(abs(scores.marketLogLoss! - 0.6718673733505474) < 1e-12)
        let catboost = try #require(report.results.first { $0.system == .catboost })
        #expect(catboost.maeDifference == 0.25 && catboost.bets == 0 && catboost.roiInterval == nil)
    }

    @Test func betsCarryWilsonAndBootstrapIntervals() throws {
        let matchup = try #require(Self.report().results.first { $0.system == .matchup })
        #expect(matchup.bets == 2 && matchup.wins == 1 && matchup.losses == 1)
        #expect(matchup.hitRateInterval == Wilson.interval(successes: 1, trials: 2))
        // Both bets are on date 1: one date is fewer than the minimum, so the two bets are resampled, and the
        // percentile interval runs from two losses (−1) to two wins (+100/110).
        let roi = try #require(matchup.roi)
        #expect(abs(roi - -0.04545454545454547) < 1e-12)
        #expect(matchup.roiInterval == Interval(low: -1, high: 100.0 / 110, unit: "row"))
    }

    @Test func closingLineValuePerBetAndItsMean() throws {
        let matchup = try #require(Self.report().results.first { $0.system == .matchup })
        // Over at 22.5 closing 23.5: +1 point (no probability: the line moved). Under at 20.5 closing 20.5:
        // 0 points, and P(under) went from 1 − 0.52174 to 1 − 0.54274: −0.021004408332613078.
        #expect(matchup.clv.bets == 2 && matchup.clv.meanLine == 0.5 && matchup.clv.priced == 1)
        #expect(abs(matchup.clv.meanProbability! - -0.021004408332613078) < 1e-12)
        // The better side of every calibrated lined prediction: rows 3 and 4 have no closing quote.
        #expect(matchup.betterSideClv.bets == 2 && matchup.betterSideClv.meanLine == 0.5)
        let taken = LineQuote(line: 20.5, overOdds: -120, underOdds: 100)
        #expect(ClosingLineValue.of(side: .pass, taken: taken, closing: taken) == nil)
        #expect(
            ClosingLineValue.of(side: .over, taken: taken, closing: taken) == ClosingLineValue(line: 0, probability: 0))
        let moved = LineQuote(line: 19.5, overOdds: nil, underOdds: nil)
        #expect(
            ClosingLineValue.of(side: .under, taken: taken, closing: moved)
                == ClosingLineValue(line: 1, probability: nil))
    }

    @Test func segmentsSplitByLineBucketAndExpectedMinutes() throws {
        let matchup = try #require(Self.report().results.first { $0.system == .matchup })
        let keys = matchup.byLineAndMinutes.map { "\($0.lineBucket)/\($0.minutesTier)" }
        #expect(keys == ["<10/unknown", "10-20/<20", ">=20/20-30", ">=20/>=30"])
        let top = matchup.byLineAndMinutes[3]
        #expect(top.linedPredictions == 1 && top.mae == 5 && top.lineMae == 7.5 && top.bets == 1 && top.wins == 1)
        #expect(top.scored == 1 && abs(top.brier! - 0.16) < 1e-12 && top.marketBrier == 0.25)
        #expect(Segments.lineBucket(2.5, market: .threes) == ">=2" && Segments.lineBucket(0.5, market: .threes) == "<1")
        #expect(Segments.minutesTier(29.9) == "20-30" && Segments.minutesTier(30) == ">=30")
    }

    /// The closing quote: the consensus of the latest usable snapshot, or the book's own latest quote.
    @Test func closingQuoteIsTheLastSnapshotOfTheSameBook() {
        func quote(_ book: String, _ line: Double, _ over: Double, _ under: Double, _ time: String) -> PropQuote {
            PropQuote(
                book: book, bookType: .sportsbook, line: line, overOdds: over, underOdds: under, snapshotUTC: time,
                commenceUTC: "2024-01-02T23:00:00Z")
        }
        let offers = [
            quote("draftkings", 20.5, -110, -110, "2024-01-02T12:00:00Z"),
            quote("draftkings", 21.5, -115, -105, "2024-01-02T20:00:00Z"),
            quote("fanduel", 21.5, -120, 100, "2024-01-02T20:00:00Z"),
            quote("betmgm", 22.5, -110, -110, "2024-01-02T20:00:00Z"),
            quote("betmgm", 19.5, -110, -110, "2024-01-02T12:00:00Z"),
        ]
        #expect(
            EvaluationReader.closing(book: "draftkings", offers: offers)
                == LineQuote(line: 21.5, overOdds: -115, underOdds: -105))
        // Consensus at 20:00: median of 21.5, 21.5, 22.5; prices the medians of the two books at 21.5.
        let consensus = EvaluationReader.closing(book: "consensus", offers: offers)
        #expect(consensus?.line == 21.5)
        #expect(consensus?.overOdds == LinePolicy.medianOdds([-115, -120]))
        #expect(EvaluationReader.closing(book: "caesars", offers: offers) == nil)
    }

    @Test func jsonCarriesTheMarketComparison() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try JSONDocument.text(Self.report()).utf8)) as? [String: Any])
        let intervals = try #require(object["intervals"] as? [String: Any])
        #expect(intervals["resamples"] as? Int == 2000 && intervals["minimum_dates"] as? Int == 2)
        let line = try #require((object["line_reference"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["market", "lined_predictions", "mae", "scored", "brier", "log_loss"])
        let results = try #require(object["results"] as? [[String: Any]])
        let catboost = try #require(results.first { $0["system"] as? String == "catboost" })
        for key in [
            "mae_difference", "mae_difference_interval", "scores", "hit_rate_interval", "roi_interval", "clv",
            "better_side_clv", "by_line_and_minutes",
        ] {
            #expect(catboost.keys.contains(key), "\(key)")
        }
        #expect(catboost["roi_interval"] is NSNull && catboost["hit_rate_interval"] is NSNull)
        let scores = try #require(catboost["scores"] as? [String: Any])
        #expect(
            Set(scores.keys) == [
                "scored", "brier", "market_brier", "brier_difference", "brier_difference_interval", "log_loss",
                "market_log_loss",
            ])
        let clv = try #require(catboost["clv"] as? [String: Any])
        #expect(Set(clv.keys) == ["bets", "mean_line", "mean_line_interval", "priced", "mean_probability"])
        #expect(clv["mean_line"] is NSNull)
        let interval = try #require(catboost["mae_difference_interval"] as? [String: Any])
        #expect(Set(interval.keys) == ["low", "high", "unit"])
        let staking = try #require(object["staking"] as? [String: Any])
        #expect(Set(staking.keys) == ["kelly_fraction", "evidence", "bet_cap", "slate_cap", "starting_bankroll"])
        let bankrolls = try #require(object["bankrolls"] as? [[String: Any]])
        #expect(bankrolls.compactMap { $0["system"] as? String } == ["catboost", "matchup"])
        let matchup = try #require(bankrolls.last?["bankroll"] as? [String: Any])
        #expect(Set(matchup.keys) == ["start", "bets", "staked", "end", "roi", "max_drawdown", "path"])
        #expect((matchup["path"] as? [[String: Any]])?.first?["date"] as? String == "2024-01-02")
        #expect((bankrolls.first?["bankroll"] as? [String: Any])?["roi"] is NSNull)  // catboost made no bets
    }
}
