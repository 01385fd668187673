import HoopcastCore

/// `stack`: the line, corrected by what the other systems' disagreement with it has been worth.
///
/// For a market and date D, the evidence is every graded prediction made against a line in the ``windowDays``
/// before D: per (game, player), the line L, the actual y and each member system's predicted value p_s. A ridge
/// regression of y − L on the members' deviations p_s − L (and an intercept), every coefficient shrunk to zero
/// with the penalty ``ridgePenalty``, gives the correction; the prediction is L + b₀ + Σ w_s (p_s − L). With little
/// evidence the penalty dominates and the prediction is the line itself; below ``minimumSamples`` rows it is the
/// line. A member missing on a row (CatBoost before its first model) counts as agreeing with the line. The spread is
/// the fit's residual root mean square (the ensemble's without a fit), and P(over) comes from the market's
/// distribution with that mean and spread (``StatDistribution``). Without a line it is the ensemble.
///
/// The penalty was chosen on the development window (2023-10-24 → 2023-12-31) by a walk-forward replay of this fit
/// over the graded predictions of the bundled season (`scripts/stack-penalty.py`): of 1,000, 5,000, 20,000 and
/// 100,000, with a squared or an absolute loss, the largest penalty gave the lowest error, i.e. on that window the
/// systems' disagreement with the line carried no information the line lacked. See docs/predictions.md.
public struct StackSystem: Sendable {
    /// One (game, player) of the evidence: the line, the actual stat and each member's predicted value.
    public struct Sample: Sendable, Hashable {
        public var line: Double
        public var actual: Double
        public var predictions: [SystemName: Double]

        /// Creates a sample.
        public init(line: Double, actual: Double, predictions: [SystemName: Double]) {
            self.line = line
            self.actual = actual
            self.predictions = predictions
        }
    }

    /// A fitted correction for one market and date.
    public struct Fit: Sendable, Hashable {
        /// The correction's constant b₀.
        public var intercept: Double
        /// The weight w_s of each member's deviation from the line.
        public var weights: [SystemName: Double]
        /// Root mean square of the fit's residuals on its evidence (the prediction's spread).
        public var residualSD: Double
        /// Rows of evidence.
        public var samples: Int

        /// Creates a fit.
        public init(intercept: Double, weights: [SystemName: Double], residualSD: Double, samples: Int) {
            self.intercept = intercept
            self.weights = weights
            self.residualSD = residualSD
            self.samples = samples
        }

        /// The correction to the line for members' predictions `predictions`.
        public func correction(line: Double, predictions: [SystemName: Double]) -> Double {
            var value = intercept
            for system in weights.keys.sorted() {
                value += weights[system]! * ((predictions[system] ?? line) - line)
            }
            return value
        }
    }

    public let name = SystemName.stack
    /// The members whose deviations from the line are regressed on (the ensemble is their combination; the stack
    /// is not its own member).
    public static let members: [SystemName] = [.catboost, .matchup, .movingAverage, .similarity]
    /// Days of graded lined predictions behind a fit.
    public static let windowDays = 60
    /// Rows of evidence a fit needs; fewer, and the stack is the ensemble.
    public static let minimumSamples = 100
    /// The ridge penalty λ added to the diagonal of XᵀX (stat units², summed over rows), chosen on the development
    /// window (see above).
    public static let ridgePenalty = 100_000.0

    /// Creates the system.
    public init() {}

    /// The ridge fit of `samples` (in a stable order: the sums' last bits follow it) with `penalty`, nil below
    /// ``minimumSamples`` or when the system of equations is singular.
    public static func fit(_ samples: [Sample], penalty: Double = ridgePenalty) -> Fit? {
        guard samples.count >= minimumSamples else { return nil }
        let count = members.count + 1
        var gram = [Double](repeating: 0, count: count * count)
        var moment = [Double](repeating: 0, count: count)
        var row = [Double](repeating: 0, count: count)
        for sample in samples {
            row[0] = 1
            for (index, system) in members.enumerated() {
                row[index + 1] = (sample.predictions[system] ?? sample.line) - sample.line
            }
            let target = sample.actual - sample.line
            for i in 0..<count {
                moment[i] += row[i] * target
                for j in 0..<count { gram[i * count + j] += row[i] * row[j] }
            }
        }
        for i in 0..<count { gram[i * count + i] += penalty }
        guard let beta = solve(gram, moment, size: count) else { return nil }
        var squared = 0.0
        for sample in samples {
            var fitted = beta[0]
            for (index, system) in members.enumerated() {
                fitted += beta[index + 1] * ((sample.predictions[system] ?? sample.line) - sample.line)
            }
            let residual = sample.actual - sample.line - fitted
            squared += residual * residual
        }
        let weights = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, beta[$0 + 1]) })
        return Fit(
            intercept: beta[0], weights: weights, residualSD: max((squared / Double(samples.count)).squareRoot(), 0.5),
            samples: samples.count)
    }

    /// The stack's prediction from the members' predictions of one row: the corrected line; the line itself
    /// (with `fallback`'s spread) without a fit; `fallback` (the ensemble's prediction) without a line.
    public func predict(
        market: Market, predictions: [SystemName: Double], line: Double?, fit: Fit?, fallback: PredictionOutput
    ) -> PredictionOutput {
        guard let line else { return fallback }
        let mean = max(0, line + (fit?.correction(line: line, predictions: predictions) ?? 0))
        let spread = fit?.residualSD ?? fallback.standardDeviation
        return PredictionOutput(
            predictedValue: mean, standardDeviation: spread,
            overProbability: StatDistribution.overProbability(
                market: market, mean: mean, standardDeviation: spread, line: line))
    }

    /// Solves the symmetric positive definite system `a`·x = `b` (row-major, `size`²) by Gaussian elimination with
    /// partial pivoting; nil when singular.
    static func solve(_ a: [Double], _ b: [Double], size: Int) -> [Double]? {
        var a = a, b = b
        for column in 0..<size {
            var pivot = column
            for candidate in column + 1..<size where abs(a[candidate * size + column]) > abs(a[pivot * size + column]) {
                pivot = candidate
            }
            guard abs(a[pivot * size + column]) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<size { a.swapAt(column * size + k, pivot * size + k) }
                b.swapAt(column, pivot)
            }
            for rowIndex in column + 1..<size {
                let factor = a[rowIndex * size + column] / a[column * size + column]
                guard factor != 0 else { continue }
                for k in column..<size { a[rowIndex * size + k] -= factor * a[column * size + k] }
                b[rowIndex] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: size)
        for rowIndex in stride(from: size - 1, through: 0, by: -1) {
            var sum = b[rowIndex]
            for k in rowIndex + 1..<size { sum -= a[rowIndex * size + k] * x[k] }
            x[rowIndex] = sum / a[rowIndex * size + rowIndex]
        }
        return x
    }
}
