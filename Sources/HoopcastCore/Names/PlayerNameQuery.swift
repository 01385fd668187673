/// What to resolve: the book's name, the game date, and the teams that may be involved.
///
/// `teams` holds the game's two teams when known, otherwise every team playing on `gameDate` (some sources carry no
/// team names); an empty set means no team information at all.
public struct PlayerNameQuery: Sendable, Hashable {
    /// The player name as the book writes it.
    public let rawName: String
    /// The game's date (US Eastern).
    public let gameDate: GameDate
    /// The teams the player may play for in this game.
    public let teams: Set<Team>

    /// Creates a query.
    public init(rawName: String, gameDate: GameDate, teams: Set<Team>) {
        self.rawName = rawName
        self.gameDate = gameDate
        self.teams = teams
    }
}
