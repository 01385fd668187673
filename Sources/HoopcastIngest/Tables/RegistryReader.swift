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
