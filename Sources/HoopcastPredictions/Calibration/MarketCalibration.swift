import Foundation
import HoopcastAnalytics

/// Calibrated P(over) from a system's raw probability *and* the market's price, fitted on past graded predictions.
///
/// A logistic model `P(over) = σ(a + b·logit(p) + c·logit(q))`, where p is the system's raw P(over) and q the
/// market's vig-free P(over) from the posted prices (`q = o / (o + u)` with o, u the prices' implied
/// probabilities; 0.5 when a price is missing). Fitted by iteratively reweighted least squares with an L2 penalty
/// ``ridge`` on b and c. When the system knows nothing the market does not, b → 0 and the calibrated probability
/// follows the market — whose vig then leaves no edge — so a system cannot claim an edge just because a price is
/// skewed. Probabilities are clamped to [``floor``, 1 − ``floor``] before the logit and after the fit.
public struct MarketCalibration: Sendable, Hashable {
    /// Penalty on the slopes (in units of observations).
    public static let ridge = 1.0
    /// Probabilities are kept inside [floor, 1 − floor].
    public static let floor = 0.02
    /// Newton steps a fit may take; one still moving after them has not converged (real fits take 4–8).
    public static let maximumIterations = 50

    /// Intercept a, slope on the system's logit b, slope on the market's logit c.
    public let coefficients: [Double]
    /// Observations the model was fitted on.
    public let count: Int

    /// One observation: the system's raw P(over), the market's vig-free P(over) (nil without prices), the outcome.
    public typealias Sample = (probability: Double, market: Double?, wentOver: Bool)

    /// A model with known coefficients `[a, b, c]`.
    public init(coefficients: [Double], count: Int) {
        precondition(coefficients.count == 3)
        self.coefficients = coefficients
        self.count = count
    }

    /// Fits the model; nil unless both outcomes occur among the samples, and nil when the fit is singular or does not
    /// converge within ``maximumIterations`` steps.
    public init?(samples: [Sample]) {
        // Outcomes all one way have no finite fit: the unpenalised intercept would run off to infinity.
        guard samples.contains(where: { $0.wentOver }), samples.contains(where: { !$0.wentOver }) else { return nil }
        // The design matrix is [1, logit(p), logit(q)] per sample, kept as plain arrays: the loop below runs
        // ~25 fits a date over up to a season of samples, so it must not allocate per sample. The arithmetic is
        // term for term that of the textbook form (x·β summed left to right, w·xᵢ·xⱼ), so fits are bit-identical.
        let systemLogits = samples.map { MarketCalibration.logit($0.probability) }
        let marketLogits = samples.map { MarketCalibration.logit($0.market ?? 0.5) }
        let outcomes = samples.map { $0.wentOver ? 1.0 : 0.0 }
        var beta = [0.0, 0.0, 0.0]
        var converged = false
        for _ in 0..<MarketCalibration.maximumIterations {
            var g0 = 0.0, g1 = 0.0, g2 = 0.0
            // hᵢⱼ and hⱼᵢ are the same sum but not always the same rounding (w·x₁·x₂ ≠ w·x₂·x₁ in floating point), so
            // the off-diagonal pair of the two logits is kept twice, as the textbook loop did.
            var h00 = 0.0, h01 = 0.0, h02 = 0.0, h11 = 0.0, h12 = 0.0, h21 = 0.0, h22 = 0.0
            let (b0, b1, b2) = (beta[0], beta[1], beta[2])
            for index in outcomes.indices {
                let x1 = systemLogits[index], x2 = marketLogits[index], y = outcomes[index]
                let p = MarketCalibration.sigmoid(0 + 1 * b0 + x1 * b1 + x2 * b2)
                let w = max(p * (1 - p), 1e-9)
                g0 += (y - p) * 1
                g1 += (y - p) * x1
                g2 += (y - p) * x2
                h00 += w * 1 * 1
                h01 += w * 1 * x1
                h02 += w * 1 * x2
                h11 += w * x1 * x1
                h12 += w * x1 * x2
                h21 += w * x2 * x1
                h22 += w * x2 * x2
            }
            var gradient = [g0, g1, g2]
            var hessian = [[h00, h01, h02], [h01, h11, h12], [h02, h21, h22]]
            for i in 1..<3 {
                gradient[i] -= MarketCalibration.ridge * beta[i]
                hessian[i][i] += MarketCalibration.ridge
            }
            guard let step = MarketCalibration.solve(hessian, gradient) else { return nil }
            beta = zip(beta, step).map(+)
            if step.map(abs).max()! < 1e-10 {
                converged = true
                break
            }
        }
        guard converged, beta.allSatisfy(\.isFinite) else { return nil }
        coefficients = beta
        count = samples.count
    }

    /// The calibrated P(over).
    public func callAsFunction(_ probability: Double, market: Double?) -> Double {
        let z =
            coefficients[0] + coefficients[1] * MarketCalibration.logit(probability)
            + coefficients[2] * MarketCalibration.logit(market ?? 0.5)
        return min(max(MarketCalibration.sigmoid(z), MarketCalibration.floor), 1 - MarketCalibration.floor)
    }

    /// The market's vig-free P(over) from American prices; nil unless both are posted.
    public static func marketProbability(overOdds: Double?, underOdds: Double?) -> Double? {
        LinePolicy.vigFreeOverProbability(overOdds: overOdds, underOdds: underOdds)
    }

    static func logit(_ p: Double) -> Double {
        let clamped = min(max(p, floor), 1 - floor)
        return log(clamped / (1 - clamped))
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Solves the 3×3 system A·x = b by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a.enumerated().map { $0.element + [b[$0.offset]] }
        let n = b.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            guard abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = m[row][column] / m[column][column]
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }
}
