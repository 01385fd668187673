/// One player's traditional box score in one game, as stored in the warehouse.
public struct BoxScoreLine: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var gameDate: GameDate
    public var season: Season
    public var seasonType: SeasonType
    public var team: Team
    public var opponent: Team
    public var isHome: Bool
    /// Minutes played (decimal).
    public var minutes: Double
    public var points: Int
    public var fieldGoalsMade: Int
    public var fieldGoalsAttempted: Int
    public var threesMade: Int
    public var threesAttempted: Int
    public var freeThrowsMade: Int
    public var freeThrowsAttempted: Int
    public var offensiveRebounds: Int
    public var defensiveRebounds: Int
    public var rebounds: Int
    public var assists: Int
    public var turnovers: Int
    /// The stored row's content hash (tracks changes to the source row).
    public var contentHash: String

    /// Creates a line.
    public init(
        gameID: String, playerID: Int, gameDate: GameDate, season: Season, seasonType: SeasonType, team: Team,
        opponent: Team, isHome: Bool, minutes: Double, points: Int, fieldGoalsMade: Int,
        fieldGoalsAttempted: Int, threesMade: Int, threesAttempted: Int, freeThrowsMade: Int,
        freeThrowsAttempted: Int, offensiveRebounds: Int, defensiveRebounds: Int, rebounds: Int, assists: Int,
        turnovers: Int, contentHash: String
    ) {
        self.gameID = gameID
        self.playerID = playerID
        self.gameDate = gameDate
        self.season = season
        self.seasonType = seasonType
        self.team = team
        self.opponent = opponent
        self.isHome = isHome
        self.minutes = minutes
        self.points = points
        self.fieldGoalsMade = fieldGoalsMade
        self.fieldGoalsAttempted = fieldGoalsAttempted
        self.threesMade = threesMade
        self.threesAttempted = threesAttempted
        self.freeThrowsMade = freeThrowsMade
        self.freeThrowsAttempted = freeThrowsAttempted
        self.offensiveRebounds = offensiveRebounds
        self.defensiveRebounds = defensiveRebounds
        self.rebounds = rebounds
        self.assists = assists
        self.turnovers = turnovers
        self.contentHash = contentHash
    }
}

/// A scheduled or played game.
public struct ScheduledGame: Sendable, Hashable {
    public var gameID: String
    public var gameDate: GameDate
    public var season: Season
    public var seasonType: SeasonType
    public var homeTeam: Team
    public var awayTeam: Team

    /// Creates a game.
    public init(
        gameID: String, gameDate: GameDate, season: Season, seasonType: SeasonType, homeTeam: Team,
        awayTeam: Team
    ) {
        self.gameID = gameID
        self.gameDate = gameDate
        self.season = season
        self.seasonType = seasonType
        self.homeTeam = homeTeam
        self.awayTeam = awayTeam
    }
}

/// A pre-game line for a game: total points and the home spread.
public struct GameLine: Sendable, Hashable {
    public var gameID: String
    public var source: String
    /// Over/under total, points.
    public var total: Double?
    /// Points; negative when the home team is favoured.
    public var homeSpread: Double?

    /// Creates a line.
    public init(gameID: String, source: String, total: Double?, homeSpread: Double?) {
        self.gameID = gameID
        self.source = source
        self.total = total
        self.homeSpread = homeSpread
    }
}
