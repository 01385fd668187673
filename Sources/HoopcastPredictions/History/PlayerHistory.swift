import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastModels
import HoopcastStore
import SQLKit

/// Each player's earlier games (similarity history): every player's gated feature rows of the ``windowDays`` before
/// a date that have a box score, kept across the dates of one process in one ``DatedCache`` — the same cache, and
/// the same rule for noticing changed history, as every other dated read.
///
/// The cache watches the change counters of `features_player_market` and `raw_player_boxscores`, so a box score
/// corrected after the fact (or a re-run of an old date) is read again; the answer is always what a fresh read of
/// the store gives.
public struct PlayerHistory: Sendable {
    /// How far back a player's history reaches.
    public static let windowDays = 365
    /// The tables the history is read from (their change counters are watched).
    static let tables = [FeatureReader.table, BoxScoreRecord.table]

    /// One row of the history: a player's game.
    struct Row: Sendable {
        let playerID: Int
        let game: HistoryGame
    }

    private let cache = DatedCache<Row>(windowDays: PlayerHistory.windowDays)

    /// Creates an empty history.
    public init() {}

    /// The history of `players` before `date` (oldest first; an empty list for a player without one).
    public func history(of players: Set<Int>, before date: GameDate, db: any SQLDatabase) async throws
        -> [Int: [HistoryGame]]
    {
        let versions = try await PartitionVersions.read(
            PlayerHistory.tables, from: date.adding(days: -PlayerHistory.windowDays).description,
            before: date.description, on: db)
        let rows = try await cache.rows(before: date, versions: versions) { from, before in
            try await PlayerHistory.read(from: from, before: before, db: db)
        }
        var result: [Int: [HistoryGame]] = [:]
        for player in players { result[player] = [] }
        for row in rows where players.contains(row.playerID) { result[row.playerID]?.append(row.game) }
        return result
    }

    /// Every player's gated feature rows in [from, before) with their box-score actuals, by date and game. One row
    /// per (player, game): the similarity descriptors do not depend on the market, so the points row carries them.
    /// Rows without a box score (the player did not play) are not history.
    static func read(from: GameDate, before: GameDate, db: any SQLDatabase) async throws
        -> [(date: GameDate, row: Row)]
    {
        let actuals = try await RawReader(db: db).actuals(from: from, before: before)
        let rows = try await FeatureReader(db: db).gatedRows(
            market: .points, features: SimilaritySystem.historyFeatures, from: from, before: before)
        return rows.compactMap { row in
            guard let actual = actuals[PlayerGameKey(gameID: row.gameID, playerID: row.playerID)] else { return nil }
            let game = HistoryGame(date: row.gameDate, gameID: row.gameID, features: row.features, actuals: actual)
            return (row.gameDate, Row(playerID: row.playerID, game: game))
        }
    }
}
