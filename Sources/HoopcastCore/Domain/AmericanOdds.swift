/// Prices in American odds (−110, +150): what a winning bet pays and the probability at which it breaks even.
public enum AmericanOdds {
    /// The price assumed when a book posted none.
    public static let assumed = -110.0

    /// Profit per unit staked on a winning bet (+150 → 1.5, −110 → 0.909…).
    public static func payout(_ odds: Double) -> Double {
        odds > 0 ? odds / 100 : 100 / -odds
    }

    /// The win probability at which a bet breaks even (−110 → 0.5238…).
    public static func breakEvenProbability(_ odds: Double) -> Double {
        1 / (1 + payout(odds))
    }
}
