import HoopcastAnalytics
import HoopcastCore

/// Turns a prediction and a line into OVER / UNDER / PASS / NO_LINE with a calibrated win probability and an edge.
///
/// - no line → NO_LINE (no probability, no confidence);
/// - no calibration map for the system and market (too little graded history) → PASS with no calibrated
///   probability and no confidence — an uncalibrated number is never presented as a confidence;
/// - otherwise the side with the larger calibrated probability; edge = its probability − the break-even
///   probability at that side's posted odds (−110 when missing); OVER/UNDER when edge ≥ ``edgeThreshold``, else PASS.
///   Confidence = 100 × the calibrated probability of the chosen side.
public struct RecommendationPolicy: Sendable, Hashable {
    /// The edge a bet needs.
    public var edgeThreshold: Double

    /// The threshold tuned on the development window 2023-10-24 → 2023-12-31 (`hoopcast tune`): the best ensemble ROI
    /// among thresholds with ≥ 50 bets there (+1.9% on 127 bets — within noise; see docs/predictions.md).
    public static let tunedEdgeThreshold = 0.06

    /// Creates a policy.
    public init(edgeThreshold: Double = RecommendationPolicy.tunedEdgeThreshold) {
        self.edgeThreshold = edgeThreshold
    }

    /// The decision for one prediction.
    public struct Decision: Sendable, Hashable {
        public var recommendation: Recommendation
        /// Calibrated P(over), nil without a line or a calibration map.
        public var overProbability: Double?
        /// 0–100, nil when ``overProbability`` is nil.
        public var confidence: Double?
        /// P(win) − break-even of the better side, nil when ``overProbability`` is nil.
        public var edge: Double?
    }

    /// Decides.
    public func decide(line: ChosenLine?, rawOverProbability: Double?, calibration: MarketCalibration?) -> Decision {
        guard line != nil, let raw = rawOverProbability else {
            return Decision(recommendation: .noLine, overProbability: nil, confidence: nil, edge: nil)
        }
        guard let calibration else {
            return Decision(recommendation: .pass, overProbability: nil, confidence: nil, edge: nil)
        }
        let over = calibration(
            raw,
            market: MarketCalibration.marketProbability(
                overOdds: line?.overOdds,
                underOdds: line?.underOdds))
        let side: Recommendation = over >= 0.5 ? .over : .under
        let win = side == .over ? over : 1 - over
        let odds = (side == .over ? line?.overOdds : line?.underOdds) ?? AmericanOdds.assumed
        let edge = win - AmericanOdds.breakEvenProbability(odds)
        return Decision(
            recommendation: edge >= edgeThreshold ? side : .pass, overProbability: over,
            confidence: 100 * win, edge: edge)
    }
}
