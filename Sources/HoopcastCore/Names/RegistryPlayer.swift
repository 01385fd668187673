/// One team a player appeared for during one season, with the first and last game dates.
public struct TeamStint: Sendable, Hashable {
    /// The team played for.
    public let team: Team
    /// The season of the stint.
    public let season: Season
    /// The first game date for `team` in `season`.
    public let first: GameDate
    /// The last game date for `team` in `season` (so far).
    public let last: GameDate

    /// Creates a stint.
    public init(team: Team, season: Season, first: GameDate, last: GameDate) {
        self.team = team
        self.season = season
        self.first = first
        self.last = last
    }

    /// Whole days from the stint's date range to `date`: 0 inside `[first, last]`, otherwise the gap.
    public func distance(to date: GameDate) -> Int {
        if date < first { return first.days(since: date) }
        if date > last { return date.days(since: last) }
        return 0
    }
}

/// A known player: NBA person id, canonical name (as in box scores) and the team stints seen in box scores.
public struct RegistryPlayer: Sendable, Hashable {
    /// The NBA person id.
    public let playerID: Int
    /// The name as box scores write it, e.g. `Nikola Jokić`.
    public let name: String
    /// Every (team, season) the player appeared for, in any order.
    public let stints: [TeamStint]

    /// Creates a registry entry.
    public init(playerID: Int, name: String, stints: [TeamStint]) {
        self.playerID = playerID
        self.name = name
        self.stints = stints
    }
}
