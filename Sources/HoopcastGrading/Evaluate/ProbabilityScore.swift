import Foundation

/// Proper scores of probabilities of a binary outcome (lower is better).
public enum ProbabilityScore {
    /// Probabilities are clipped to [ε, 1 − ε] before the logarithm, so one certain miss does not make the mean
    /// infinite.
    public static let epsilon = 1e-12

    /// Brier score of one forecast: (p − y)².
    public static func brier(_ probability: Double, outcome: Bool) -> Double {
        let difference = probability - (outcome ? 1 : 0)
        return difference * difference
    }

    /// Log loss of one forecast: −ln p when the event happened, −ln(1 − p) when it did not.
    public static func logLoss(_ probability: Double, outcome: Bool) -> Double {
        let p = min(max(probability, epsilon), 1 - epsilon)
        return outcome ? -log(p) : -log(1 - p)
    }
}
