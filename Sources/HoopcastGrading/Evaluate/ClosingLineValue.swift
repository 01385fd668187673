import HoopcastCore
import HoopcastPredictions

/// Closing-line value of one bet: how the market moved between the quote the prediction was made against and the
/// last pre-tip snapshot of the same book (for the `consensus` book, the consensus of that snapshot). Positive means
/// the market moved towards the side taken.
public struct ClosingLineValue: Sendable, Hashable {
    /// Closing line − line for an over, line − closing line for an under (stat units).
    public var line: Double
    /// The closing vig-free probability of the side taken minus the vig-free probability it had when the prediction
    /// was made; nil when the line moved (the probabilities are then of different events) or a price is missing.
    public var probability: Double?

    /// Creates a value.
    public init(line: Double, probability: Double?) {
        self.line = line
        self.probability = probability
    }

    /// The value of a bet on `side` (``Recommendation/over`` or ``Recommendation/under``) made against `taken`,
    /// measured against `closing`; nil for any other recommendation.
    public static func of(side: Recommendation, taken: LineQuote, closing: LineQuote) -> ClosingLineValue? {
        let sign: Double
        switch side {
        case .over: sign = 1
        case .under: sign = -1
        default: return nil
        }
        var probability: Double?
        if closing.line == taken.line,
            let before = MarketCalibration.marketProbability(overOdds: taken.overOdds, underOdds: taken.underOdds),
            let after = MarketCalibration.marketProbability(overOdds: closing.overOdds, underOdds: closing.underOdds)
        {
            probability = sign * (after - before)
        }
        return ClosingLineValue(line: sign * (closing.line - taken.line), probability: probability)
    }
}
