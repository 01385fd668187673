import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of the player registry for other layers: names for display.
public struct RegistryReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// The registry's name of each of `players` that it knows (one query per 500 players).
    public func names(of players: Set<Int>) async throws -> [Int: String] {
        var names: [Int: String] = [:]
        let ids = players.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await db.raw(
                "SELECT player_id, name FROM registry_players WHERE player_id IN (\(binds: chunk))"
            ).all() {
                names[try row.value("player_id", as: Int.self)] = try row.value("name", as: String.self)
            }
        }
        return names
    }
}

/// A player as the registry knows them: the name and the latest team.
public struct RegisteredPlayerSummary: Sendable, Hashable {
    public var playerID: Int
    public var name: String
    /// The team of the player's latest stint; nil when no stint is recorded.
    public var latestTeam: Team?
    public var lastGameDate: GameDate?

    public init(playerID: Int, name: String, latestTeam: Team?, lastGameDate: GameDate?) {
        self.playerID = playerID
        self.name = name
        self.latestTeam = latestTeam
        self.lastGameDate = lastGameDate
    }
}

extension RegistryReader {
    /// Every registered player with the latest team (one query).
    public func players() async throws -> [RegisteredPlayerSummary] {
        try await db.raw("\(unsafeRaw: RegistryReader.summarySelect) ORDER BY p.player_id").all()
            .map(RegistryReader.summary)
    }

    /// One registered player, nil when unknown.
    public func player(_ id: Int) async throws -> RegisteredPlayerSummary? {
        try await db.raw("\(unsafeRaw: RegistryReader.summarySelect) WHERE p.player_id = \(bind: id)").first()
            .map(RegistryReader.summary)
    }

    static let summarySelect = """
        SELECT p.player_id, p.name, p.last_game_date,
            (SELECT s.team FROM registry_player_stints s WHERE s.player_id = p.player_id
             ORDER BY s.last_game_date DESC LIMIT 1) AS team
        FROM registry_players p
        """

    static func summary(_ row: any SQLRow) throws -> RegisteredPlayerSummary {
        let id = try row.value("player_id", as: Int.self)
        let team: Team? =
            try row.value("team", as: String?.self) == nil
            ? nil : try row.parsed("team", in: "registry_player_stints", key: String(id)) { Team($0) }
        return RegisteredPlayerSummary(
            playerID: id, name: try row.value("name"), latestTeam: team,
            lastGameDate: try row.parsed("last_game_date", in: "registry_players", key: String(id), GameDate.init))
    }
}
