import HoopcastAnalytics
import HoopcastCore
import HoopcastGrading
import HoopcastPredictions
import Testing

/// Calibration, recommendation and line choice, against hand-computed values.
struct RecommendationTests {
    /// Coefficients (0, 1, 0): the calibrated probability is the raw one (within the clamp), so the decisions below
    /// can be checked by hand.
    static let calibration = MarketCalibration(coefficients: [0, 1, 0], count: 1000)

    /// Twelve observations; the expected coefficients come from scipy's BFGS on the same penalised likelihood
    /// (−Σ[y·z − log(1 + eᶻ)] + ½(b² + c²)), an independent optimiser.
    @Test func marketCalibrationMatchesScipy() throws {
        let p = [0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.35, 0.62]
        let q: [Double?] = [0.5, 0.45, nil, 0.55, 0.5, 0.52, 0.48, nil, 0.6, 0.4, 0.5, 0.58]
        let y = [false, false, true, false, true, true, false, true, true, true, false, true]
        let map = try #require(MarketCalibration(samples: (0..<12).map { (p[$0], q[$0], y[$0]) }))
        let expected = [0.3339754542223435, 1.165819595150577, 0.16123017060687697]
        for (got, want) in zip(map.coefficients, expected) { #expect(abs(got - want) < 1e-6, "\(got) vs \(want)") }
        #expect(abs(map(0.7, market: nil) - 0.7894763539169909) < 1e-6)
        #expect(MarketCalibration(samples: []) == nil)
    }

    @Test func marketProbabilityRemovesTheVig() {
        #expect(MarketCalibration.marketProbability(overOdds: -110, underOdds: -110) == 0.5)
        // −150 implies 0.6, +130 implies 100/230: vig-free 0.6 / (0.6 + 0.43478…).
        let q = MarketCalibration.marketProbability(overOdds: -150, underOdds: 130)!
        #expect(abs(q - 0.6 / (0.6 + 100.0 / 230)) < 1e-12)
        #expect(MarketCalibration.marketProbability(overOdds: -150, underOdds: nil) == nil)
    }

    /// A system whose probabilities carry no information beyond the price gets a slope near 0 on its own logit:
    /// the calibrated probability follows the market, and the vig leaves no edge.
    @Test func aSystemWithoutInformationGetsNoEdge() throws {
        var state: UInt64 = 42
        func uniform() -> Double {  // a fixed-seed LCG: reproducible pseudo-random draws
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var samples: [MarketCalibration.Sample] = []
        for index in 0..<4000 {
            let market = index % 2 == 0 ? 0.6 : 0.4  // a skewed price, and outcomes drawn from it
            let wentOver = uniform() < market
            samples.append((uniform(), market, wentOver))  // the system's "probability": unrelated noise
        }
        let map = try #require(MarketCalibration(samples: samples))
        #expect(abs(map.coefficients[1]) < 0.1, "slope on the system: \(map.coefficients[1])")
        #expect(abs(map.coefficients[2] - 1) < 0.2, "slope on the market: \(map.coefficients[2])")
        let policy = RecommendationPolicy(edgeThreshold: 0)
        let line = ChosenLine(
            line: 20.5, book: "consensus", overOdds: -160, underOdds: 135, movement: 0, books: 3,
            snapshotUTC: "2024-01-15T18:00:00Z")
        for raw in [0.4, 0.5, 0.6] {
            let decision = policy.decide(line: line, rawOverProbability: raw, calibration: map)
            #expect(decision.edge! < 0, "raw \(raw): edge \(decision.edge!)")
        }
    }

    @Test func calibrationBookNeedsEnoughGradedHistory() {
        func samples(_ count: Int, market: Market) -> [CalibrationSample] {
            (0..<count).map {
                CalibrationSample(
                    system: .matchup, market: market, rawProbability: 0.3 + Double($0 % 5) / 10,
                    marketProbability: nil, wentOver: $0 % 2 == 0)
            }
        }
        let few = CalibrationBook(samples: samples(CalibrationBook.minimumSamples - 1, market: .points))
        #expect(few.calibration(system: .matchup, market: .points) == nil)
        // Too few for points alone, but enough pooled with assists: the pooled map serves both.
        let pooled = CalibrationBook(samples: samples(100, market: .points) + samples(100, market: .assists))
        #expect(pooled.calibration(system: .matchup, market: .points) != nil)
        #expect(pooled.calibration(system: .matchup, market: .threes) != nil)
        #expect(pooled.calibration(system: .similarity, market: .points) == nil)
    }

    /// A fit that cannot be made (every outcome went over: the intercept would run off to infinity) is no map, and
    /// the book says so instead of leaving the predictions to PASS silently.
    @Test func failedCalibrationFitIsReported() {
        let mixed = (0..<200).map {
            CalibrationSample(
                system: .matchup, market: .points, rawProbability: 0.3 + Double($0 % 5) / 10,
                marketProbability: nil, wentOver: $0 % 3 == 0)
        }
        let allOver = (0..<200).map {
            CalibrationSample(
                system: .matchup, market: .threes, rawProbability: 0.3 + Double($0 % 5) / 10,
                marketProbability: nil, wentOver: true)
        }
        #expect(
            MarketCalibration(samples: allOver.map { ($0.rawProbability, $0.marketProbability, $0.wentOver) }) == nil)
        let book = CalibrationBook(samples: mixed + allOver)
        #expect(book.failedFits == ["matchup/threes (200)"])
        // Threes falls back to the pooled map (400 samples, both outcomes); points has its own.
        #expect(book.calibration(system: .matchup, market: .threes) != nil)
        #expect(
            book.calibration(system: .matchup, market: .threes) != book.calibration(system: .matchup, market: .points)
        )
        let only = CalibrationBook(samples: allOver)
        #expect(only.failedFits == ["matchup/threes (200)", "matchup/pooled (200)"])
        #expect(only.calibration(system: .matchup, market: .threes) == nil)
    }

    /// The pooled map is fitted on the markets in catalogue order, whatever order the samples came in: a fit's sums
    /// depend on their order in the last bits, and a dictionary's order changes between processes, which made a few
    /// predictions (and their content hashes) differ from one run to the next.
    @Test func pooledCalibrationIsFittedInCatalogueOrder() throws {
        var seed: UInt64 = 42
        func uniform() -> Double {  // a fixed-seed LCG
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let markets: [Market] = [.threes, .assists, .points, .rebounds, .pointsReboundsAssists]
        let samples = markets.flatMap { market in
            (0..<40).map { _ in
                CalibrationSample(
                    system: .matchup, market: market, rawProbability: 0.05 + 0.9 * uniform(),
                    marketProbability: 0.3 + 0.4 * uniform(), wentOver: uniform() < 0.5)
            }
        }
        let catalogueOrder = Market.allCases.flatMap { market in
            samples.filter { $0.market == market }.map { ($0.rawProbability, $0.marketProbability, $0.wentOver) }
        }
        let expected = try #require(MarketCalibration(samples: catalogueOrder))
        let blocksReversed = markets.reversed().flatMap { market in samples.filter { $0.market == market } }
        for input in [samples, blocksReversed] {
            // No market has enough samples alone, so every market gets the pooled map.
            let book = CalibrationBook(samples: input)
            #expect(book.calibration(system: .matchup, market: .points)?.coefficients == expected.coefficients)
        }
    }

    static let line = ChosenLine(
        line: 20.5, book: "consensus", overOdds: -110, underOdds: 120, movement: 0, books: 3,
        snapshotUTC: "2024-01-15T18:00:00Z")

    @Test func recommendationUsesCalibratedProbabilityAndBreakEven() {
        let policy = RecommendationPolicy(edgeThreshold: 0.04)
        // raw 0.75 → 0.75 over; −110 breaks even at 110/210 = 0.52381: edge 0.22619 → OVER, confidence 75.
        let over = policy.decide(line: Self.line, rawOverProbability: 0.75, calibration: Self.calibration)
        #expect(over.recommendation == Recommendation.over)
        let overEdge = 0.75 - 110.0 / 210
        #expect(abs(over.edge! - overEdge) < 1e-12)
        #expect(abs(over.confidence! - 75) < 1e-9)
        // raw 1/3 over, so under wins 2/3; +120 breaks even at 1/2.2: edge 0.21212 → UNDER.
        let under = policy.decide(line: Self.line, rawOverProbability: 1.0 / 3, calibration: Self.calibration)
        #expect(under.recommendation == Recommendation.under)
        let underEdge = 2.0 / 3 - 1 / 2.2
        #expect(abs(under.edge! - underEdge) < 1e-12)
        // raw 0.54 over: edge 0.54 − 0.52381 = 0.0162 < 0.04 → PASS, still with its calibrated confidence.
        let pass = policy.decide(line: Self.line, rawOverProbability: 0.54, calibration: Self.calibration)
        let passConfidence = 54.0
        #expect(pass.recommendation == Recommendation.pass)
        #expect(abs(pass.confidence! - passConfidence) < 1e-9)
        // No calibration map: PASS without any probability or confidence; no line: NO_LINE.
        let uncalibrated = policy.decide(line: Self.line, rawOverProbability: 0.75, calibration: nil)
        #expect(uncalibrated.recommendation == Recommendation.pass)
        #expect(uncalibrated.confidence == nil && uncalibrated.edge == nil)
        let noLine = policy.decide(line: nil, rawOverProbability: nil, calibration: Self.calibration)
        #expect(noLine.recommendation == Recommendation.noLine)
        // Missing odds are −110.
        var unpriced = Self.line
        unpriced.overOdds = nil
        let assumed = policy.decide(line: unpriced, rawOverProbability: 0.75, calibration: Self.calibration)
        #expect(abs(assumed.edge! - over.edge!) < 1e-12)
    }
}

extension RecommendationTests {
    static func quote(
        _ book: String, _ line: Double, _ over: Double?, _ under: Double?, _ snapshot: String,
        type: BookType = .sportsbook, commence: String = ""
    ) -> PropQuote {
        PropQuote(
            book: book, bookType: type, line: line, overOdds: over, underOdds: under, snapshotUTC: snapshot,
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

    /// Two quotes of one book, line and snapshot priced as mirror images are equally balanced: the choice must not
    /// depend on the order they were read in (the engines return an unordered read differently, which gave
    /// PostgreSQL and SQLite different prices, hence different P(over), for the same date).
    @Test func aBooksQuoteIsChosenWhateverTheReadOrder() {
        let quotes = [
            Self.quote("draftkings", 1.5, -120, 100, "2024-01-15T18:00:00Z"),
            Self.quote("draftkings", 1.5, 100, -120, "2024-01-15T18:00:00Z"),
            Self.quote("fanduel", 1.5, 105, -125, "2024-01-15T18:00:00Z"),
        ]
        var chosen: Set<ChosenLine> = []
        for order in [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]] {
            chosen.insert(LinePolicy.consensus.choose(from: order.map { quotes[$0] })!)
        }
        #expect(chosen.count == 1)
        // draftkings keeps the lower over price (-120/+100): the median of over prices -120 and +105 as
        // probabilities, (120/220 + 100/205)/2 = 0.516630 → -106.88.
        #expect(chosen.first?.overOdds == -106.88)
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
