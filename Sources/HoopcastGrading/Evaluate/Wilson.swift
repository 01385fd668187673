import Foundation

/// The Wilson score interval of a binomial proportion (Wilson, 1927), by formula:
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
public enum Wilson {
    /// z of a two-sided 95% interval (the 0.975 quantile of the standard normal).
    public static let z95 = 1.959963984540054

    /// The interval of `successes` out of `trials`; nil without trials.
    public static func interval(successes: Int, trials: Int, z: Double = z95) -> Interval? {
        guard trials > 0 else { return nil }
        precondition(successes >= 0 && successes <= trials, "Wilson: \(successes) successes of \(trials) trials")
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return Interval(low: max(0, centre - half), high: min(1, centre + half))
    }
}
