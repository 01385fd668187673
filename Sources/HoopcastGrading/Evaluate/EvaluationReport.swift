import HoopcastCore

/// What `hoopcast evaluate --json` prints (keys in snake_case).
public struct EvaluationReport: Sendable, Codable, Hashable {
    public var from: String
    public var to: String
    /// How the intervals were drawn.
    public var intervals: IntervalMethod
    /// The line as a system of its own, per market (the reference row).
    public var lineReference: [LineResult]
    public var results: [SystemResult]
    /// The stakes plan and each system's bankroll under it (all markets).
    public var staking: StakingPlan
    public var bankrolls: [SystemBankroll]

    /// ``Staking``'s constants, as reported.
    public struct StakingPlan: Sendable, Codable, Hashable {
        public var kellyFraction: Double
        public var evidence: Double
        public var betCap: Double
        public var slateCap: Double
        public var startingBankroll: Double
    }

    /// One system and market over the range.
    public struct SystemResult: Sendable, Codable, Hashable {
        public var system: SystemName
        public var market: String
        /// Predictions with an actual value (players who did not play are void and not counted).
        public var predictions: Int
        public var mae: Double?
        /// Of those, predictions that had a line.
        public var linedPredictions: Int
        /// The model's MAE on the lined predictions…
        public var modelMaeLined: Double?
        /// …and the line's own MAE on the same rows: the bar to beat.
        public var lineMae: Double?
        /// OVER/UNDER recommendations graded win, loss or push.
        public var bets: Int
        public var wins: Int
        public var losses: Int
        public var pushes: Int
        /// wins / (wins + losses).
        public var hitRate: Double?
        /// Profit per unit staked, over the bets.
        public var roi: Double?
        /// Every calibrated lined prediction taken on its better side, by edge: how the edge threshold would play.
        public var byEdge: [EdgeBucket]
        /// Calibrated P(over) against the observed over-rate (pushes left out).
        public var calibration: [CalibrationBucket]
        /// The same for the system's raw P(over), before calibration.
        public var rawCalibration: [CalibrationBucket]
        /// model_mae_lined − line_mae (negative: closer than the line), with its bootstrap interval.
        public var maeDifference: Double?
        public var maeDifferenceInterval: Interval?
        /// Calibrated P(over) against the market's vig-free P(over), on the same rows.
        public var scores: ProbabilityScores
        /// Wilson interval of the hit rate.
        public var hitRateInterval: Interval?
        /// Bootstrap interval of the ROI.
        public var roiInterval: Interval?
        /// Closing-line value of the bets…
        public var clv: ClosingLineSummary
        /// …and of every calibrated lined prediction taken on its better side (as `by_edge` does).
        public var betterSideClv: ClosingLineSummary
        /// Lined rows by line bucket × expected-minutes tier (empty segments left out).
        public var byLineAndMinutes: [Segment]

        enum CodingKeys: String, CodingKey {
            case system, market, predictions, mae, linedPredictions, modelMaeLined, lineMae, bets, wins, losses, pushes
            case hitRate, roi, byEdge, calibration, rawCalibration
            case maeDifference, maeDifferenceInterval, scores, hitRateInterval, roiInterval, clv, betterSideClv
            case byLineAndMinutes
        }

        /// Encodes every key, missing values as `null` (a consumer can rely on the shape).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(system, forKey: .system)
            try container.encode(market, forKey: .market)
            try container.encode(predictions, forKey: .predictions)
            try container.encode(mae, forKey: .mae)
            try container.encode(linedPredictions, forKey: .linedPredictions)
            try container.encode(modelMaeLined, forKey: .modelMaeLined)
            try container.encode(lineMae, forKey: .lineMae)
            try container.encode(bets, forKey: .bets)
            try container.encode(wins, forKey: .wins)
            try container.encode(losses, forKey: .losses)
            try container.encode(pushes, forKey: .pushes)
            try container.encode(hitRate, forKey: .hitRate)
            try container.encode(roi, forKey: .roi)
            try container.encode(byEdge, forKey: .byEdge)
            try container.encode(calibration, forKey: .calibration)
            try container.encode(rawCalibration, forKey: .rawCalibration)
            try container.encode(maeDifference, forKey: .maeDifference)
            try container.encode(maeDifferenceInterval, forKey: .maeDifferenceInterval)
            try container.encode(scores, forKey: .scores)
            try container.encode(hitRateInterval, forKey: .hitRateInterval)
            try container.encode(roiInterval, forKey: .roiInterval)
            try container.encode(clv, forKey: .clv)
            try container.encode(betterSideClv, forKey: .betterSideClv)
            try container.encode(byLineAndMinutes, forKey: .byLineAndMinutes)
        }
    }

    /// Bets on the better side whose edge is in [minEdge, maxEdge).
    public struct EdgeBucket: Sendable, Codable, Hashable {
        public var minEdge: Double
        public var maxEdge: Double
        public var bets: Int
        public var wins: Int
        public var hitRate: Double?
        public var roi: Double?

        enum CodingKeys: String, CodingKey { case minEdge, maxEdge, bets, wins, hitRate, roi }

        /// Encodes every key, missing values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(minEdge, forKey: .minEdge)
            try container.encode(maxEdge, forKey: .maxEdge)
            try container.encode(bets, forKey: .bets)
            try container.encode(wins, forKey: .wins)
            try container.encode(hitRate, forKey: .hitRate)
            try container.encode(roi, forKey: .roi)
        }
    }

    /// Predictions whose probability fell in a bucket: their mean predicted probability and the observed rate.
    public struct CalibrationBucket: Sendable, Codable, Hashable {
        public var bucket: String
        public var predicted: Double
        public var observed: Double
        public var n: Int
    }
}
