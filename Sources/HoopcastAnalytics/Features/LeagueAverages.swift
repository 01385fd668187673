import HoopcastCore

/// League-wide means over this season's team games before the date: the defaults and denominators of features.
struct LeagueAverages: Sendable {
    /// Mean points per 100 possessions.
    let rating: Double?
    /// Mean possessions per 48 minutes.
    let pace: Double?
    /// Mean total points per game (both teams).
    let totalPoints: Double?
    /// Mean of each market's stat per team-game.
    let perTeamGame: [Market: Double]

    init(_ games: [TeamGameRow]) {
        rating = Stats.mean(games.map(\.offensiveRating))
        pace = Stats.mean(games.map(\.pace))
        totalPoints = Stats.mean(
            games.compactMap { game in
                game.own[.points].flatMap { own in game.allowed[.points].map { own + $0 } }
            })
        var perTeamGame: [Market: Double] = [:]
        for market in Market.allCases {
            perTeamGame[market] = Stats.mean(games.compactMap { $0.own[market] })
        }
        self.perTeamGame = perTeamGame
    }
}

/// Small numeric helpers that return nil instead of inventing a value.
enum Stats {
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Sample standard deviation (n − 1); nil below 2 values.
    static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// Least-squares slope of values against 0, 1, 2, …; nil below 3 values.
    static func slope(_ values: [Double]) -> Double? {
        guard values.count >= 3 else { return nil }
        let n = Double(values.count), xs = values.indices.map(Double.init)
        let meanX = xs.reduce(0, +) / n, meanY = values.reduce(0, +) / n
        let covariance = zip(xs, values).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
        let variance = xs.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +)
        return covariance / variance
    }

    static func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return numerator / denominator
    }

    static func difference(_ lhs: Double?, _ rhs: Double?) -> Double? {
        guard let lhs, let rhs else { return nil }
        return lhs - rhs
    }
}
