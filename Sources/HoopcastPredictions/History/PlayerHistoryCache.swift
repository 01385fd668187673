import HoopcastCore
import HoopcastModels
import HoopcastStore
import SQLKit

/// Each player's earlier games (similarity history), kept across the dates of one process so that a backfill
/// reads every feature row once instead of a year of them per date.
///
/// For a date D the answer is exactly what a fresh query would return — the player's gated feature rows of the
/// ``windowDays`` days before D that have a box score — provided rows older than ``recentDays`` before the last
/// date asked about have not changed since (true within a backfill, which writes each date before reading later
/// ones). Rows of the last ``recentDays`` are always re-read (box scores arrive the day after a game), and a
/// date earlier than a player's cached one re-reads that player from scratch.
public actor PlayerHistoryCache {
    /// How far back a player's history reaches.
    public static let windowDays = 365
    /// Days before the previous date that are always re-read.
    public static let recentDays = 3

    private struct Entry {
        var games: [HistoryGame]
        /// Rows dated before this were read.
        var loadedBefore: GameDate
    }

    private var entries: [Int: Entry] = [:]
    private let lock = AsyncLock()

    /// Creates an empty cache.
    public init() {}

    /// The history of `players` before `date` (oldest first), reading at most two queries.
    public func history(of players: Set<Int>, before date: GameDate, db: any SQLDatabase) async throws -> [Int:
        [HistoryGame]]
    {
        try await lock.withLock { try await self.load(players, before: date, db: db) }
    }

    private func load(_ players: Set<Int>, before date: GameDate, db: any SQLDatabase) async throws -> [Int:
        [HistoryGame]]
    {
        let windowStart = date.adding(days: -PlayerHistoryCache.windowDays)
        var fresh: Set<Int> = [], known: Set<Int> = []
        for player in players {
            if let entry = entries[player], entry.loadedBefore <= date {
                known.insert(player)
            } else {
                fresh.insert(player)
            }
        }
        if !fresh.isEmpty {
            let games = try await PlayerHistoryCache.read(players: fresh, from: windowStart, before: date, db: db)
            for player in fresh { entries[player] = Entry(games: games[player] ?? [], loadedBefore: date) }
        }
        if !known.isEmpty {
            let oldest = known.map { entries[$0]!.loadedBefore }.min()!
            let rereadFrom = max(oldest.adding(days: -PlayerHistoryCache.recentDays), windowStart)
            let games = try await PlayerHistoryCache.read(players: known, from: rereadFrom, before: date, db: db)
            for player in known {
                let kept = entries[player]!.games.filter { $0.date >= windowStart && $0.date < rereadFrom }
                entries[player] = Entry(games: kept + (games[player] ?? []), loadedBefore: date)
            }
        }
        var result: [Int: [HistoryGame]] = [:]
        for player in players { result[player] = entries[player]!.games.filter { $0.date >= windowStart } }
        return result
    }

    /// The players' gated feature rows in [from, before) with their box-score actuals, oldest first. One row per
    /// (player, game): the similarity descriptors do not depend on the market, so the points row carries them.
    /// The box score's own date range is repeated (a game's box score and feature row share its date) so that
    /// SQLite walks each player's box scores of the window, not of every season (70× fewer index probes).
    static func read(players: Set<Int>, from: GameDate, before: GameDate, db: any SQLDatabase) async throws -> [Int:
        [HistoryGame]]
    {
        let ids = players.sorted().map { SQLBind($0) }
        let extracted = SimilaritySystem.historyFeatures.map { feature in
            // constant keys, never input
            "\(db.jsonNumber("f.features", key: feature.rawValue)) AS \(feature.rawValue)"
        }.joined(separator: ", ")
        let rows = try await db.raw(
            """
            SELECT f.game_date, f.game_id, f.player_id, \(unsafeRaw: extracted), b.pts, b.reb, b.ast, b.fg3m
            FROM features_player_market f
            JOIN raw_player_boxscores b ON b.game_id = f.game_id AND b.player_id = f.player_id
            WHERE f.player_id IN (\(SQLList(ids))) AND f.market = 'points' AND f.feature_version = \(bind: Feature.version)
              AND f.gate = 'pass' AND f.game_date >= \(bind: from.description) AND f.game_date < \(bind: before.description)
              AND b.game_date >= \(bind: from.description) AND b.game_date < \(bind: before.description)
            ORDER BY f.game_date, f.game_id
            """
        ).all()
        var result: [Int: [HistoryGame]] = [:]
        for row in rows {
            let dateText = try row.value("game_date", as: String.self)
            guard let date = GameDate(dateText) else {
                throw StoreError(.decodingFailed, "features_player_market.game_date is not a date: \(dateText)")
            }
            var features: [Feature: Double] = [:]
            for feature in SimilaritySystem.historyFeatures {
                features[feature] = try row.value(feature.rawValue, as: Double.self)
            }
            let actuals = try row.marketStats()
            result[try row.value("player_id"), default: []].append(
                HistoryGame(date: date, gameID: try row.value("game_id"), features: features, actuals: actuals))
        }
        return result
    }
}
