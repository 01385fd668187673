/// A stat Hoopcast predicts for a player in a game.
public enum Market: String, Sendable, Hashable, CaseIterable, Codable {
    /// Points scored.
    case points
    /// Total rebounds.
    case rebounds
    /// Assists.
    case assists
    /// Three-pointers made.
    case threes
    /// Points + rebounds + assists.
    case pointsReboundsAssists = "points_rebounds_assists"
}

/// A prop market as the books offer it; a superset of the predicted ``Market``s.
public enum PropMarket: String, Sendable, Hashable, CaseIterable, Codable {
    case points, rebounds, assists, threes, steals, blocks
    case pointsReboundsAssists = "points_rebounds_assists"
    case pointsRebounds = "points_rebounds"
    case pointsAssists = "points_assists"
    case reboundsAssists = "rebounds_assists"

    /// The predicted market this prop corresponds to, when Hoopcast predicts it.
    public var predicted: Market? { Market(rawValue: rawValue) }
}

/// The part of the NBA calendar a game belongs to.
public enum SeasonType: String, Sendable, Hashable, CaseIterable, Codable {
    case regularSeason = "regular_season"
    case playIn = "playin"
    case playoffs
    case nbaCupFinal = "nba_cup_final"
}

/// What Hoopcast recommends for a prediction against a line.
public enum Recommendation: String, Sendable, Hashable, CaseIterable, Codable {
    case over = "OVER"
    case under = "UNDER"
    case pass = "PASS"
    case noLine = "NO_LINE"

    /// OVER or UNDER: a bet.
    public var isBet: Bool { self == .over || self == .under }
}

/// Whether a line comes from a sportsbook or a daily-fantasy site.
public enum BookType: String, Sendable, Hashable, CaseIterable, Codable {
    case sportsbook, dfs
}

extension Market {
    /// The market's value for a stat line: the one place points, rebounds, assists and threes become market values.
    @inlinable
    public func value(points: Int, rebounds: Int, assists: Int, threes: Int) -> Double {
        switch self {
        case .points: return Double(points)
        case .rebounds: return Double(rebounds)
        case .assists: return Double(assists)
        case .threes: return Double(threes)
        case .pointsReboundsAssists: return Double(points + rebounds + assists)
        }
    }

    /// Every market's ``value(points:rebounds:assists:threes:)`` for a stat line.
    public static func values(points: Int, rebounds: Int, assists: Int, threes: Int) -> [Market: Double] {
        Dictionary(
            uniqueKeysWithValues: allCases.map {
                ($0, $0.value(points: points, rebounds: rebounds, assists: assists, threes: threes))
            })
    }
}
