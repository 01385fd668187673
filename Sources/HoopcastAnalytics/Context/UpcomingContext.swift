import HoopcastCore

/// What a team faces on a game date, known the morning of that date.
public struct UpcomingContext: Sendable, Hashable {
    public var gameDate: GameDate
    public var gameID: String
    public var team: Team
    public var opponent: Team
    public var isHome: Bool
    public var season: Season
    public var seasonType: SeasonType
    /// Full days off since the team's previous game this season (0 on a back-to-back); nil for the first game.
    public var restDays: Int?
    /// True when the team also played the day before.
    public var backToBack: Bool
    /// Games the team played in the 7 days before the date.
    public var gamesLast7Days: Int
    /// The opponent's rest days (nil for its first game of the season).
    public var opponentRestDays: Int?
    /// Points from this team's side: negative when it is favoured.
    public var spread: Double?
    /// Over/under total, points.
    public var total: Double?
    /// Which line source supplied spread and total.
    public var lineSource: String?
}

/// Pure computation of the upcoming-game context for a date.
public enum UpcomingContextBuilder {
    /// Builds two rows per game on `date`.
    ///
    /// - Parameters:
    ///   - games: the games scheduled on `date`.
    ///   - previousGames: games strictly before `date` (at least the last 30 days); later games are ignored.
    ///   - lines: pre-game lines for the date's games; when a game has several sources the first by name is used.
    public static func build(
        date: GameDate, games: [ScheduledGame], previousGames: [ScheduledGame],
        lines: [GameLine]
    ) -> [UpcomingContext] {
        var history: [Team: [ScheduledGame]] = [:]
        for game in previousGames where game.gameDate < date {
            history[game.homeTeam, default: []].append(game)
            history[game.awayTeam, default: []].append(game)
        }
        let lineByGame = Dictionary(grouping: lines, by: \.gameID)
            .mapValues { $0.sorted { $0.source < $1.source }.first! }
        func rest(_ team: Team, season: Season) -> (rest: Int?, backToBack: Bool, last7: Int) {
            let past = history[team] ?? []
            let last = past.filter { $0.season == season }.map(\.gameDate).max()
            let last7 = past.filter { $0.gameDate >= date.adding(days: -7) }.count
            guard let last else { return (nil, false, last7) }
            let days = date.days(since: last) - 1
            return (days, days == 0, last7)
        }
        var result: [UpcomingContext] = []
        for game in games.sorted(by: { $0.gameID < $1.gameID }) where game.gameDate == date {
            let line = lineByGame[game.gameID]
            for isHome in [true, false] {
                let team = isHome ? game.homeTeam : game.awayTeam
                let opponent = isHome ? game.awayTeam : game.homeTeam
                let own = rest(team, season: game.season)
                let other = rest(opponent, season: game.season)
                let spread = line?.homeSpread.map { isHome || $0 == 0 ? $0 : -$0 }
                result.append(
                    UpcomingContext(
                        gameDate: date, gameID: game.gameID, team: team, opponent: opponent, isHome: isHome,
                        season: game.season, seasonType: game.seasonType, restDays: own.rest,
                        backToBack: own.backToBack,
                        gamesLast7Days: own.last7, opponentRestDays: other.rest, spread: spread, total: line?.total,
                        lineSource: line?.source))
            }
        }
        return result
    }
}
