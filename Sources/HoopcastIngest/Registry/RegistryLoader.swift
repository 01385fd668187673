import HoopcastCore
import HoopcastStore
import SQLKit

/// Loads the registry tables into a ``PlayerNameResolver`` (one query per table).
struct RegistryLoader: Sendable {
    let db: any SQLDatabase

    func resolver() async throws -> PlayerNameResolver {
        var stints: [Int: [TeamStint]] = [:]
        for row in try await db.raw(
            """
            SELECT player_id, team, season, first_game_date, last_game_date FROM registry_player_stints
            """
        ).all() {
            let (table, key) = ("registry_player_stints", "\(try row.value("player_id", as: Int.self))")
            let team = try row.parsed("team", in: table, key: key, Team.init)
            let season = try row.parsed("season", in: table, key: key, Season.init)
            let first = try row.parsed("first_game_date", in: table, key: key, GameDate.init)
            let last = try row.parsed("last_game_date", in: table, key: key, GameDate.init)
            stints[try row.value("player_id", as: Int.self), default: []]
                .append(TeamStint(team: team, season: season, first: first, last: last))
        }
        let players = try await db.raw("SELECT player_id, name FROM registry_players").all().map { row in
            let id = try row.value("player_id", as: Int.self)
            return RegistryPlayer(playerID: id, name: try row.value("name", as: String.self), stints: stints[id] ?? [])
        }
        let aliases = try await db.raw("SELECT alias, player_id FROM registry_player_aliases").all().map { row in
            PlayerAlias(
                alias: try row.value("alias", as: String.self), playerID: try row.value("player_id", as: Int.self))
        }
        return PlayerNameResolver(players: players, aliases: aliases)
    }

    /// The teams playing on each date, from the schedule.
    func teamsByDate() async throws -> [String: Set<Team>] {
        var result: [String: Set<Team>] = [:]
        for row in try await db.raw("SELECT game_date, home_team, away_team FROM raw_games").all() {
            let date = try row.value("game_date", as: String.self)
            for column in ["home_team", "away_team"] {
                if let team = Team(try row.value(column, as: String.self)) { result[date, default: []].insert(team) }
            }
        }
        return result
    }
}
