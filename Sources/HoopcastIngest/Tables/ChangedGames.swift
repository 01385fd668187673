import HoopcastCore
import HoopcastStore
import SQLKit

/// The raw layer's queue of games whose box scores are new or changed: the import adds them in the transaction of
/// the raw rows, the summaries step takes them off in the transaction of the summaries.
public enum ChangedGames {
    /// The queue's table.
    public static let table = "raw_changed_games"

    /// The queued games dated before `date`.
    public static func gameIDs(before date: GameDate, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            "SELECT game_id FROM \(unsafeRaw: table) WHERE game_date < \(bind: date.description)"
        ).all().map { try $0.value("game_id", as: String.self) }
    }

    /// Takes `gameIDs` off the queue through `db` (the transaction that wrote their summaries).
    public static func remove(_ gameIDs: [String], on db: any SQLDatabase) async throws {
        for start in stride(from: 0, to: gameIDs.count, by: 500) {
            let chunk = Array(gameIDs[start..<min(start + 500, gameIDs.count)])
            try await db.delete(from: table).where("game_id", .in, chunk).run()
        }
    }
}
