import HoopcastCore

/// A player's game, summarised: counting stats, per-minute rates, shot mix, true shooting and team shares.
///
/// Ratios are nil when their denominator is zero (no minutes, no shots), never a made-up zero.
public struct PlayerGameSummary: Sendable, Hashable {
    public var line: BoxScoreLine
    /// Points + rebounds + assists.
    public var pointsReboundsAssists: Int { line.points + line.rebounds + line.assists }
    /// Points per minute played.
    public var pointsPerMinute: Double?
    /// Rebounds per minute played.
    public var reboundsPerMinute: Double?
    /// Assists per minute played.
    public var assistsPerMinute: Double?
    /// Threes made per minute played.
    public var threesPerMinute: Double?
    /// Share of field-goal attempts that were threes: fg3a / fga.
    public var threeAttemptRate: Double?
    /// Free-throw attempts per field-goal attempt: fta / fga.
    public var freeThrowRate: Double?
    /// True shooting: pts / (2 · (fga + 0.44 · fta)).
    public var trueShooting: Double?
    /// The player's share of the team's points.
    public var teamPointsShare: Double?
    /// The player's share of the team's field-goal attempts.
    public var teamShotsShare: Double?
    /// The source row's content hash.
    public var sourceHash: String { line.contentHash }
}

/// A team's game, summarised from its players' box scores and its opponent's.
///
/// Possessions use Basketball-Reference's two-team estimate:
/// `0.5 · ((FGA + 0.4·FTA − 1.07·(ORB / (ORB + OppDRB))·(FGA − FGM) + TOV) + (the same for the opponent))`,
/// pace is `48 · possessions / (team minutes / 5)`, ratings are points per 100 possessions.
public struct TeamGameSummary: Sendable, Hashable {
    public var gameID: String
    public var team: Team
    public var opponent: Team
    public var gameDate: GameDate
    public var season: Season
    public var seasonType: SeasonType
    public var isHome: Bool
    /// Player minutes summed (≈ 240 for a regulation game).
    public var minutes: Double
    public var totals: BoxTotals
    public var opponentTotals: BoxTotals
    /// Estimated possessions (the same for both teams).
    public var possessions: Double
    /// Possessions per 48 minutes.
    public var pace: Double
    /// Points scored per 100 possessions.
    public var offensiveRating: Double
    /// Points allowed per 100 possessions.
    public var defensiveRating: Double
    /// A hash of every source row of the game.
    public var sourceHash: String
}

/// Team box-score totals (sums over the team's players).
public struct BoxTotals: Sendable, Hashable {
    public var points = 0, fieldGoalsMade = 0, fieldGoalsAttempted = 0, threesMade = 0, threesAttempted = 0
    public var freeThrowsMade = 0, freeThrowsAttempted = 0, offensiveRebounds = 0, defensiveRebounds = 0
    public var rebounds = 0, assists = 0, turnovers = 0
    public var minutes = 0.0

    /// Adds one player's line.
    public mutating func add(_ line: BoxScoreLine) {
        points += line.points
        fieldGoalsMade += line.fieldGoalsMade
        fieldGoalsAttempted += line.fieldGoalsAttempted
        threesMade += line.threesMade
        threesAttempted += line.threesAttempted
        freeThrowsMade += line.freeThrowsMade
        freeThrowsAttempted += line.freeThrowsAttempted
        offensiveRebounds += line.offensiveRebounds
        defensiveRebounds += line.defensiveRebounds
        rebounds += line.rebounds
        assists += line.assists
        turnovers += line.turnovers
        minutes += line.minutes
    }
}
