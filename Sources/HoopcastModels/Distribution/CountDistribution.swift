import Foundation

/// A discrete distribution of a counting stat with a given mean and variance: negative binomial when the variance
/// exceeds the mean (r = μ² / (σ² − μ), success probability r / (r + μ)), else Poisson with that mean (the closest
/// count distribution to an underdispersed stat). Probabilities of whole numbers are exact, so a whole-number line's
/// push is its own outcome: P(over) = P(X > line) and P(under) = P(X < line) do not share its mass.
public struct CountDistribution: Sendable, Hashable {
    /// The mean μ (≥ 0).
    public let mean: Double
    /// The negative binomial's r; nil for Poisson.
    public let size: Double?

    /// The distribution with mean `mean` and variance `variance`.
    public init(mean: Double, variance: Double) {
        self.mean = max(mean, 0)
        size = variance > self.mean && self.mean > 0 ? self.mean * self.mean / (variance - self.mean) : nil
    }

    /// P(X ≤ k) for whole k (0 below 0).
    public func cumulative(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        guard mean > 0 else { return 1 }
        var term: Double, total = 0.0
        if let r = size {
            let q = mean / (r + mean)
            term = exp(r * log(r / (r + mean)))
            for x in 0...k {
                total += term
                term *= (Double(x) + r) / Double(x + 1) * q
            }
        } else {
            term = exp(-mean)
            for x in 0...k {
                total += term
                term *= mean / Double(x + 1)
            }
        }
        return min(total, 1)
    }

    /// P(X > line): the stat reaches ⌊line⌋ + 1 (for a whole-number line, the push at the line is not over).
    public func overProbability(line: Double) -> Double {
        max(0, 1 - cumulative(Int(line.rounded(.down))))
    }

    /// P(X = line) for a whole-number line (the push), else 0.
    public func pushProbability(line: Double) -> Double {
        guard line == line.rounded(), line >= 0 else { return 0 }
        return cumulative(Int(line)) - cumulative(Int(line) - 1)
    }
}
