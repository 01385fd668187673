import HoopcastAnalytics
import HoopcastCore
import HoopcastGrading
import HoopcastPredictions
import Testing

/// Calibration, recommendation and line choice, against hand-computed values.
struct RecommendationTests {
    /// (0.2, over) (0.4, under) (0.6, over) (0.8, over): PAV pools the first two (rate 1/2, mean p 0.3) and the last
    /// two (rate 1, mean p 0.7); shrunk by 10 pseudo-observations: (1 + 3)/12 = 1/3 and (2 + 7)/12 = 3/4.
    static let calibration = IsotonicCalibration(samples: [(0.2, true), (0.4, false), (0.6, true), (0.8, true)])!

    @Test func isotonicCalibrationPoolsViolatorsAndShrinks() {
        let map = Self.calibration
        #expect(abs(map.knots[0] - 0.3) < 1e-12 && abs(map.knots[1] - 0.7) < 1e-12 && map.knots.count == 2)
        #expect(abs(map.values[0] - 1.0 / 3) < 1e-12 && abs(map.values[1] - 0.75) < 1e-12)
        #expect(abs(map(0.5) - (1.0 / 3 + 0.5 * (0.75 - 1.0 / 3))) < 1e-12)  // linear between knots
        #expect(abs(map(0.05) - 1.0 / 3) < 1e-12 && abs(map(0.99) - 0.75) < 1e-12)  // flat beyond them
        #expect(IsotonicCalibration(samples: []) == nil)
    }

    @Test func calibrationIsMonotoneOnRealisticNoise() {
        // Outcomes that disagree with the probabilities in places: the map must still never decrease.
        var samples: [(probability: Double, wentOver: Bool)] = []
        for index in 0..<400 { samples.append((Double(index) / 400, (index * 7919) % 10 < 4 + index / 100)) }
        let map = IsotonicCalibration(samples: samples)!
        let curve = stride(from: 0.0, through: 1.0, by: 0.01).map { map($0) }
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(curve.allSatisfy { $0 >= IsotonicCalibration.floor && $0 <= 1 - IsotonicCalibration.floor })
    }

    @Test func calibrationBookNeedsEnoughGradedHistory() {
        func samples(_ count: Int, market: Market) -> [CalibrationSample] {
            (0..<count).map { CalibrationSample(system: "matchup", market: market, rawProbability: 0.5, wentOver: $0 % 2 == 0) }
        }
        let few = CalibrationBook(samples: samples(CalibrationBook.minimumSamples - 1, market: .points))
        #expect(few.calibration(system: "matchup", market: .points) == nil)
        // Too few for points alone, but enough pooled with assists: the pooled map serves both.
        let pooled = CalibrationBook(samples: samples(100, market: .points) + samples(100, market: .assists))
        #expect(pooled.calibration(system: "matchup", market: .points) != nil)
        #expect(pooled.calibration(system: "matchup", market: .threes) != nil)
        #expect(pooled.calibration(system: "similarity", market: .points) == nil)
    }

    static let line = ChosenLine(line: 20.5, book: "consensus", overOdds: -110, underOdds: 120, movement: 0, books: 3)

    @Test func recommendationUsesCalibratedProbabilityAndBreakEven() {
        let policy = RecommendationPolicy(edgeThreshold: 0.04)
        // raw 0.9 → 0.75 over; −110 breaks even at 110/210 = 0.52381: edge 0.22619 → OVER, confidence 75.
        let over = policy.decide(line: Self.line, rawOverProbability: 0.9, calibration: Self.calibration)
        #expect(over.recommendation == Recommendation.over)
        let overEdge = 0.75 - 110.0 / 210
        #expect(abs(over.edge! - overEdge) < 1e-12)
        #expect(abs(over.confidence! - 75) < 1e-9)
        // raw 0.1 → 1/3 over, so under wins 2/3; +120 breaks even at 1/2.2: edge 0.21212 → UNDER.
        let under = policy.decide(line: Self.line, rawOverProbability: 0.1, calibration: Self.calibration)
        #expect(under.recommendation == Recommendation.under)
        let underEdge = 2.0 / 3 - 1 / 2.2
        #expect(abs(under.edge! - underEdge) < 1e-12)
        // raw 0.5 → 0.541667 over: edge 0.017857 < 0.04 → PASS, still with its calibrated confidence.
        let pass = policy.decide(line: Self.line, rawOverProbability: 0.5, calibration: Self.calibration)
        let passConfidence: Double = 100 * (1.0 / 3 + 0.5 * (0.75 - 1.0 / 3))
        #expect(pass.recommendation == Recommendation.pass)
        #expect(abs(pass.confidence! - passConfidence) < 1e-9)
        // No calibration map: PASS without any probability or confidence; no line: NO_LINE.
        let uncalibrated = policy.decide(line: Self.line, rawOverProbability: 0.9, calibration: nil)
        #expect(uncalibrated.recommendation == Recommendation.pass)
        #expect(uncalibrated.confidence == nil && uncalibrated.edge == nil)
        let noLine = policy.decide(line: nil, rawOverProbability: nil, calibration: Self.calibration)
        #expect(noLine.recommendation == Recommendation.noLine)
        // Missing odds are −110.
        var unpriced = Self.line
        unpriced.overOdds = nil
        let assumed = policy.decide(line: unpriced, rawOverProbability: 0.9, calibration: Self.calibration)
        #expect(abs(assumed.edge! - over.edge!) < 1e-12)
    }
}

extension RecommendationTests {
    static func quote(_ book: String, _ line: Double, _ over: Double?, _ under: Double?, _ snapshot: String,
                      type: BookType = .sportsbook, commence: String = "") -> PropQuote {
        PropQuote(book: book, bookType: type, line: line, overOdds: over, underOdds: under, snapshotUTC: snapshot,
                  commenceUTC: commence)
    }

    @Test func consensusIsTheMedianLatestLineWithItsBooksMedianPrices() {
        let quotes = [
            Self.quote("draftkings", 24.5, -110, -110, "2024-01-15T15:00:00Z"),
            Self.quote("fanduel", 25.5, -110, -110, "2024-01-15T15:00:00Z"),
            Self.quote("draftkings", 25.5, -115, -105, "2024-01-15T18:00:00Z"),
            Self.quote("fanduel", 25.5, -110, -110, "2024-01-15T18:00:00Z"),
            Self.quote("betmgm", 26.5, -120, 100, "2024-01-15T18:00:00Z"),
            Self.quote("betmgm", 30.5, 200, -250, "2024-01-15T18:00:00Z"),  // alternate line: not betmgm's main one
        ]
        let chosen = LinePolicy.consensus.choose(from: quotes)!
        #expect(chosen.line == 25.5 && chosen.book == "consensus" && chosen.books == 3)
        #expect(chosen.movement == 0.5)  // 25.5 now, median(24.5, 25.5) = 25 at the first snapshot
        // Prices of the two books at 25.5, averaged as probabilities: (115/215 + 110/210)/2 → −112.47.
        #expect(chosen.overOdds == -112.47 && chosen.underOdds == -107.47)
        let preferred = LinePolicy.preferred(["caesars", "betmgm"]).choose(from: quotes)!
        #expect(preferred.line == 26.5 && preferred.book == "betmgm" && preferred.overOdds == -120)
        #expect(LinePolicy.consensus.choose(from: []) == nil)
    }

    @Test func postTipStaleAndPlaceholderQuotesAreExcluded() {
        let date = GameDate("2024-01-15")!
        let late = Self.quote("draftkings", 20.5, -110, -110, "2024-01-16T01:00:00Z", commence: "2024-01-16T00:30:00Z")
        #expect(late.exclusion(on: date) == "post-tip")
        #expect(Self.quote("draftkings", 20.5, -110, -110, "2024-01-13T20:00:00Z").exclusion(on: date) == "stale")
        #expect(Self.quote("draftkings", 0, -110, -110, "").exclusion(on: date) == "placeholder")
        #expect(Self.quote("draftkings", 20.5, nil, nil, "").exclusion(on: date) == "placeholder")
        #expect(Self.quote("draftkings", 20.5, -50, -110, "").exclusion(on: date) == "placeholder")
        #expect(Self.quote("prizepicks", 20.5, nil, nil, "", type: .dfs).exclusion(on: date) == nil)
        #expect(Self.quote("draftkings", 20.5, -110, -110, "2024-01-14T22:00:00Z").exclusion(on: date) == nil)
    }

    @Test func medianOddsAverageProbabilitiesNotAmericanNumbers() {
        #expect(LinePolicy.medianOdds([-105, 105]) == -100)  // not the American "0"
        #expect(LinePolicy.medianOdds([-145, -140, -135, -130, -125]) == -135)
        #expect(LinePolicy.medianOdds([]) == nil)
    }
}
