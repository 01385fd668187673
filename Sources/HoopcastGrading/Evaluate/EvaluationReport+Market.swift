import HoopcastCore

extension EvaluationReport {
    /// How the intervals were drawn.
    public struct IntervalMethod: Sendable, Codable, Hashable {
        /// Bootstrap resamples per interval.
        public var resamples: Int
        /// The bootstrap generator's seed (SplitMix64).
        public var seed: UInt64
        /// Coverage of every interval.
        public var level: Double
        /// The bootstrap resamples dates (every row of a date together) when a statistic's rows span at least this
        /// many dates, else rows; each interval's `unit` says which.
        public var minimumDates: Int
    }

    /// The line as a system of its own on one market, over every distinct lined row with an actual value (of any
    /// system): its MAE, and its vig-free P(over) scored like a system's.
    public struct LineResult: Sendable, Codable, Hashable {
        public var market: String
        public var linedPredictions: Int
        public var mae: Double?
        /// Rows scored as probability forecasts (both prices posted, pushes left out).
        public var scored: Int
        public var brier: Double?
        public var logLoss: Double?

        enum CodingKeys: String, CodingKey { case market, linedPredictions, mae, scored, brier, logLoss }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(market, forKey: .market)
            try container.encode(linedPredictions, forKey: .linedPredictions)
            try container.encode(mae, forKey: .mae)
            try container.encode(scored, forKey: .scored)
            try container.encode(brier, forKey: .brier)
            try container.encode(logLoss, forKey: .logLoss)
        }
    }

    /// A system's calibrated P(over) against the market's vig-free P(over) on the same rows: lined, played, both
    /// prices posted, a calibrated probability, pushes left out.
    public struct ProbabilityScores: Sendable, Codable, Hashable {
        public var scored: Int
        public var brier: Double?
        public var marketBrier: Double?
        /// brier − market_brier (negative: the system's probabilities beat the market's), with its interval.
        public var brierDifference: Double?
        public var brierDifferenceInterval: Interval?
        public var logLoss: Double?
        public var marketLogLoss: Double?

        enum CodingKeys: String, CodingKey {
            case scored, brier, marketBrier, brierDifference, brierDifferenceInterval, logLoss, marketLogLoss
        }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scored, forKey: .scored)
            try container.encode(brier, forKey: .brier)
            try container.encode(marketBrier, forKey: .marketBrier)
            try container.encode(brierDifference, forKey: .brierDifference)
            try container.encode(brierDifferenceInterval, forKey: .brierDifferenceInterval)
            try container.encode(logLoss, forKey: .logLoss)
            try container.encode(marketLogLoss, forKey: .marketLogLoss)
        }
    }

    /// Closing-line value (``ClosingLineValue``) over a set of bets.
    public struct ClosingLineSummary: Sendable, Codable, Hashable {
        /// Bets with a closing quote of the same book.
        public var bets: Int
        /// Mean line CLV (stat units, positive: the line moved towards the side taken), with its interval.
        public var meanLine: Double?
        public var meanLineInterval: Interval?
        /// Bets whose line did not move and had prices at both times…
        public var priced: Int
        /// …and their mean vig-free probability CLV.
        public var meanProbability: Double?

        enum CodingKeys: String, CodingKey { case bets, meanLine, meanLineInterval, priced, meanProbability }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(bets, forKey: .bets)
            try container.encode(meanLine, forKey: .meanLine)
            try container.encode(meanLineInterval, forKey: .meanLineInterval)
            try container.encode(priced, forKey: .priced)
            try container.encode(meanProbability, forKey: .meanProbability)
        }
    }

    /// Lined rows of one line bucket × expected-minutes tier (``Segments``).
    public struct Segment: Sendable, Codable, Hashable {
        public var lineBucket: String
        public var minutesTier: String
        public var linedPredictions: Int
        public var mae: Double?
        public var lineMae: Double?
        public var scored: Int
        public var brier: Double?
        public var marketBrier: Double?
        public var bets: Int
        public var wins: Int
        public var losses: Int
        public var roi: Double?

        enum CodingKeys: String, CodingKey {
            case lineBucket, minutesTier, linedPredictions, mae, lineMae, scored, brier, marketBrier, bets, wins
            case losses, roi
        }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lineBucket, forKey: .lineBucket)
            try container.encode(minutesTier, forKey: .minutesTier)
            try container.encode(linedPredictions, forKey: .linedPredictions)
            try container.encode(mae, forKey: .mae)
            try container.encode(lineMae, forKey: .lineMae)
            try container.encode(scored, forKey: .scored)
            try container.encode(brier, forKey: .brier)
            try container.encode(marketBrier, forKey: .marketBrier)
            try container.encode(bets, forKey: .bets)
            try container.encode(wins, forKey: .wins)
            try container.encode(losses, forKey: .losses)
            try container.encode(roi, forKey: .roi)
        }
    }
}
