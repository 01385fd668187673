/// A monotone map from a system's raw P(over) to the over-rate observed on past graded predictions.
///
/// Fitted with pool-adjacent-violators on (raw probability, went over) pairs sorted by probability. Each pooled
/// block's rate is shrunk toward the block's mean raw probability by ``pseudoCount`` observations, so a small block
/// at an extreme cannot claim certainty; between block centres the map interpolates linearly, beyond the outermost
/// centres it is flat; a running maximum keeps it monotone after shrinkage. Results are clamped to
/// [``floor``, 1 − ``floor``].
public struct IsotonicCalibration: Sendable, Hashable {
    /// Observations of raw probability each block's rate is shrunk toward.
    public static let pseudoCount = 10.0
    /// The calibrated probability never goes below this, nor above 1 − this.
    public static let floor = 0.02

    /// Block centres (mean raw probability), increasing.
    public let knots: [Double]
    /// Calibrated probability at each knot, non-decreasing.
    public let values: [Double]
    /// Observations the map was fitted on.
    public let count: Int

    /// Fits the map; nil without observations.
    public init?(samples: [(probability: Double, wentOver: Bool)]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted { $0.probability < $1.probability }
        var blocks: [(sumY: Double, sumP: Double, n: Double)] = []
        for sample in sorted {
            blocks.append((sample.wentOver ? 1 : 0, sample.probability, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.sumY / previous.n >= last.sumY / last.n else { break }
                blocks.removeLast(2)
                blocks.append((previous.sumY + last.sumY, previous.sumP + last.sumP, previous.n + last.n))
            }
        }
        var knots: [Double] = [], values: [Double] = []
        var running = 0.0
        for block in blocks {
            let meanP = block.sumP / block.n
            let rate = (block.sumY + IsotonicCalibration.pseudoCount * meanP) / (block.n + IsotonicCalibration.pseudoCount)
            running = max(running, rate)
            if let last = knots.last, last == meanP { values[values.count - 1] = running; continue }
            knots.append(meanP)
            values.append(running)
        }
        self.knots = knots
        self.values = values
        self.count = samples.count
    }

    /// The calibrated probability for a raw one.
    public func callAsFunction(_ probability: Double) -> Double {
        let value: Double
        if probability <= knots[0] {
            value = values[0]
        } else if probability >= knots[knots.count - 1] {
            value = values[values.count - 1]
        } else {
            var upper = 1
            while knots[upper] < probability { upper += 1 }
            let lower = upper - 1
            let share = (probability - knots[lower]) / (knots[upper] - knots[lower])
            value = values[lower] + share * (values[upper] - values[lower])
        }
        return min(max(value, IsotonicCalibration.floor), 1 - IsotonicCalibration.floor)
    }
}
