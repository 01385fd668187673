import HoopcastCore
import HoopcastEngine
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
    static let tables = ["features_player_market", "raw_player_boxscores"]

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
    /// The box score's own date range is repeated (a game's box score and feature row share its date) so that
    /// SQLite walks the box scores of the window, not of every season.
    static func read(from: GameDate, before: GameDate, db: any SQLDatabase) async throws
        -> [(date: GameDate, row: Row)]
    {
        let extracted = SimilaritySystem.historyFeatures.map { feature in
            // constant keys, never input
            "\(db.jsonNumber("f.features", key: feature.rawValue)) AS \(feature.rawValue)"
        }.joined(separator: ", ")
        let rows = try await db.raw(
            """
            SELECT f.game_date, f.game_id, f.player_id, \(unsafeRaw: extracted), b.pts, b.reb, b.ast, b.fg3m
            FROM features_player_market f
            JOIN raw_player_boxscores b ON b.game_id = f.game_id AND b.player_id = f.player_id
            WHERE f.market = 'points' AND f.feature_version = \(bind: Feature.version)
              AND f.gate = 'pass' AND f.game_date >= \(bind: from.description) AND f.game_date < \(bind: before.description)
              AND b.game_date >= \(bind: from.description) AND b.game_date < \(bind: before.description)
            ORDER BY f.game_date, f.game_id, f.player_id
            """
        ).all()
        return try rows.map { row in
            let dateText = try row.value("game_date", as: String.self)
            guard let date = GameDate(dateText) else {
                throw StoreError(.decodingFailed, "features_player_market.game_date is not a date: \(dateText)")
            }
            var features: [Feature: Double] = [:]
            for feature in SimilaritySystem.historyFeatures {
                features[feature] = try row.value(feature.rawValue, as: Double.self)
            }
            let game = HistoryGame(
                date: date, gameID: try row.value("game_id"), features: features, actuals: try row.marketStats())
            return (date, Row(playerID: try row.value("player_id"), game: game))
        }
    }
}
