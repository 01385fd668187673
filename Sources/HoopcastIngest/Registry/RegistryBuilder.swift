import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Rebuilds the player registry (players and their team stints per season) from the stored box scores, and seeds
/// the built-in name aliases. Idempotent: only rows whose content changed are written.
public struct RegistryBuilder: Sendable {
    /// The warehouse.
    public let store: Store

    /// Creates a builder.
    public init(store: Store) { self.store = store }

    /// Recomputes the registry in one pass of aggregate queries; returns the number of rows written.
    @discardableResult
    public func rebuild(runID: String) async throws -> Int {
        try await rebuild(runID: runID, reading: store.sql) { body in try await store.transaction(body) }
    }

    /// ``rebuild(runID:)`` inside the caller's transaction `db` (reads and writes), e.g. a step's commit.
    @discardableResult
    public func rebuild(runID: String, on db: any SQLDatabase) async throws -> Int {
        try await rebuild(runID: runID, reading: db) { body in try await body(db) }
    }

    private func rebuild(
        runID: String, reading db: any SQLDatabase,
        writing: (@Sendable @escaping (any SQLDatabase) async throws -> Void) async throws -> Void
    )
        async throws -> Int
    {
        let stintRows = try await db.raw(
            """
            SELECT player_id, team, season, MIN(game_date) AS first_date, MAX(game_date) AS last_date,
                   COUNT(*) AS games
            FROM raw_player_boxscores GROUP BY player_id, team, season
            """
        ).all()
        let nameRows = try await db.raw(
            """
            SELECT player_id, player_name, MIN(game_date) AS first_date, MAX(game_date) AS last_date
            FROM raw_player_boxscores GROUP BY player_id, player_name
            """
        ).all()
        let storedStints = Set(
            try await db.raw(
                """
                SELECT player_id, team, season, first_game_date, last_game_date, games FROM registry_player_stints
                """
            ).all().map { row in
                "\(try row.value("player_id", as: Int.self))|\(try row.value("team", as: String.self))|"
                    + "\(try row.value("season", as: String.self))|\(try row.value("first_game_date", as: String.self))|"
                    + "\(try row.value("last_game_date", as: String.self))|\(try row.value("games", as: Int.self))"
            })
        var stints: [[SQLValue]] = []
        for row in stintRows {
            let id = try row.value("player_id", as: Int.self), team = try row.value("team", as: String.self)
            let season = try row.value("season", as: String.self), games = try row.value("games", as: Int.self)
            let first = try row.value("first_date", as: String.self), last = try row.value("last_date", as: String.self)
            guard !storedStints.contains("\(id)|\(team)|\(season)|\(first)|\(last)|\(games)") else { continue }
            stints.append([.int(id), .text(team), .text(season), .text(first), .text(last), .int(games), .text(runID)])
        }
        // A player's registry name is the one used in their most recent game; the span covers every name.
        var players: [Int: (name: String, first: String, last: String)] = [:]
        for row in nameRows {
            let id = try row.value("player_id", as: Int.self), name = try row.value("player_name", as: String.self)
            let first = try row.value("first_date", as: String.self), last = try row.value("last_date", as: String.self)
            if let existing = players[id] {
                players[id] = (
                    last > existing.last ? name : existing.name, min(first, existing.first),
                    max(last, existing.last)
                )
            } else {
                players[id] = (name, first, last)
            }
        }
        let storedPlayers = Set(
            try await db.raw(
                """
                SELECT player_id, name, first_game_date, last_game_date FROM registry_players
                """
            ).all().map { row in
                "\(try row.value("player_id", as: Int.self))|\(try row.value("name", as: String.self))|"
                    + "\(try row.value("first_game_date", as: String.self))|\(try row.value("last_game_date", as: String.self))"
            })
        let playerRows: [[SQLValue]] = players.sorted { $0.key < $1.key }.compactMap { id, player in
            guard !storedPlayers.contains("\(id)|\(player.name)|\(player.first)|\(player.last)") else { return nil }
            return [.int(id), .text(player.name), .text(player.first), .text(player.last), .text(runID)]
        }
        let now = RunLog.now()
        let aliasRows: [[SQLValue]] = BuiltInAliases.all.map {
            [.text($0.alias), .int($0.playerID), .text("builtin"), .text(now)]
        }
        let storedAliases = Set(
            try await db.raw("SELECT alias, player_id FROM registry_player_aliases").all().map {
                "\(try $0.value("alias", as: String.self))|\(try $0.value("player_id", as: Int.self))"
            })
        let newAliases = aliasRows.filter { row in
            guard case .text(let alias) = row[0], case .int(let id) = row[1] else { return true }
            return !storedAliases.contains("\(alias)|\(id)")
        }
        try await writing { [stints] db in
            try await BulkUpsert(
                table: "registry_players",
                columns: ["player_id", "name", "first_game_date", "last_game_date", "run_id"],
                key: ["player_id"]
            ).run(playerRows, on: db)
            try await BulkUpsert(
                table: "registry_player_stints",
                columns: [
                    "player_id", "team", "season", "first_game_date", "last_game_date", "games",
                    "run_id",
                ],
                key: ["player_id", "team", "season"]
            ).run(stints, on: db)
            try await BulkUpsert(
                table: "registry_player_aliases",
                columns: ["alias", "player_id", "origin", "created_at"],
                key: ["alias"]
            ).run(newAliases, on: db)
        }
        return playerRows.count + stints.count + newAliases.count
    }
}
