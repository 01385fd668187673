/// A prediction system, as stored in the `system` column of predictions and grades.
public enum SystemName: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// Recency-weighted averages of the player's recent games.
    case movingAverage = "moving_average"
    /// The player's average adjusted for the opponent's defence and pace.
    case matchup
    /// The outcomes of the player's most similar earlier games.
    case similarity
    /// The gradient-boosted trees trained with CatBoost.
    case catboost
    /// CatBoost trained on the rows with a real line to predict actual − line, added to the line.
    case catboostResidual = "catboost_residual"
    /// The other systems weighted by their recent graded error.
    case ensemble
    /// The line corrected by a regression on the other systems' deviations from it (``StackSystem``).
    case stack

    /// Whether the system predicts only rows that have a line (`catboost_residual` is the line plus a correction).
    public var needsLine: Bool { self == .catboostResidual }

    /// Systems order by their stored name.
    public static func < (lhs: SystemName, rhs: SystemName) -> Bool {
        nameRank[lhs.caseIndex] < nameRank[rhs.caseIndex]
    }

    /// Each case's position among the cases sorted by stored name, by case index (compared instead of the names).
    static let nameRank: [Int] = {
        let byName = allCases.sorted { $0.rawValue < $1.rawValue }
        return allCases.map { system in byName.firstIndex { $0.rawValue == system.rawValue }! }
    }()

    public var description: String { rawValue }
}
