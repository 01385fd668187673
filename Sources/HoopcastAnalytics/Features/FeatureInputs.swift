import HoopcastCore

/// One past game of a player, as summarised by analytics (read from `analytics_player_games`).
public struct PlayerGameRow: Sendable, Hashable {
    public var playerID: Int
    public var gameID: String
    public var gameDate: GameDate
    public var season: Season
    public var team: Team
    public var opponent: Team
    public var minutes: Double
    public var points: Int
    public var rebounds: Int
    public var assists: Int
    public var threesMade: Int
    public var fieldGoalsAttempted: Int
    public var threesAttempted: Int
    public var freeThrowsAttempted: Int
    public var teamPointsShare: Double?
    public var teamShotsShare: Double?

    /// The player's value of a market's stat in this game.
    public func stat(_ market: Market) -> Double {
        market.value(points: points, rebounds: rebounds, assists: assists, threes: threesMade)
    }
}

/// One past game of a team (read from `analytics_team_games`): its totals, the opponent's, pace and ratings.
public struct TeamGameRow: Sendable, Hashable {
    public var gameID: String
    public var gameDate: GameDate
    public var team: Team
    public var opponent: Team
    public var pace: Double
    public var offensiveRating: Double
    public var defensiveRating: Double
    /// The team's own totals of each market's stat.
    public var own: [Market: Double]
    /// What the opponent scored in each market's stat in this game (what this team allowed).
    public var allowed: [Market: Double]
}

/// Everything the feature builder needs for one date, loaded in batch (one query per table).
public struct FeatureInputs: Sendable {
    /// The date the features are for; every history row must be strictly earlier.
    public var date: GameDate
    /// The date's team contexts (two per game).
    public var contexts: [UpcomingContext]
    /// Player games before `date` (this season and the previous one).
    public var playerGames: [PlayerGameRow]
    /// Team games of this season before `date`.
    public var teamGames: [TeamGameRow]
    /// The line chosen for each (player id, market) by the run's ``LinePolicy``: the one decision about a line,
    /// stored with the features and used as is by the predictions.
    public var lines: [PlayerMarketKey: ChosenLine]
    /// Each listed player's status on the latest injury report (official, else live) published at or before the prediction time
    /// of their game (``InjuryReportCut``); empty when the store holds no reports for the date.
    public var injuries: [ReportedAvailability]
    /// The teams that had submitted their list on the report in force at their game's prediction time
    /// (``InjuryReportCut/submittedTeams(_:cutoffs:)``): for these, a player not in `injuries` was expected to play.
    public var submittedTeams: Set<GameTeam>

    /// Creates inputs.
    public init(
        date: GameDate, contexts: [UpcomingContext], playerGames: [PlayerGameRow], teamGames: [TeamGameRow],
        lines: [PlayerMarketKey: ChosenLine], injuries: [ReportedAvailability] = [],
        submittedTeams: Set<GameTeam> = []
    ) {
        self.date = date
        self.contexts = contexts
        self.playerGames = playerGames
        self.teamGames = teamGames
        self.lines = lines
        self.injuries = injuries
        self.submittedTeams = submittedTeams
    }
}

/// A (player, market) pair.
public struct PlayerMarketKey: Sendable, Hashable {
    public var playerID: Int
    public var market: Market
    /// Creates a key.
    public init(playerID: Int, market: Market) {
        self.playerID = playerID
        self.market = market
    }
}
