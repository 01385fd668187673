import HoopcastCore
import HoopcastStore
import SQLKit

/// A game's scheduled tip-off as the live NBA.com schedule last printed it.
public struct GameTipoff: Sendable, Hashable {
    /// The NBA game id (`raw_games.game_id`).
    public var gameID: String
    /// The game's date (US Eastern).
    public var gameDate: GameDate
    /// As stored: `YYYY-MM-DDTHH:MM:SSZ` when the source keeps its form.
    public var commenceUTC: String

    /// Creates a tip-off.
    public init(gameID: String, gameDate: GameDate, commenceUTC: String) {
        self.gameID = gameID
        self.gameDate = gameDate
        self.commenceUTC = commenceUTC
    }
}

extension RawReader {
    /// The source whose tip-offs the pipeline trusts: the NBA.com schedule (`raw_source_games` rows whose
    /// `source_game_id` is the NBA game id). The import format's `games.csv` has no tip-off, so only dates the live
    /// schedule covered have one.
    public static let tipoffSource = "nba_cdn"

    /// The tip-offs of the games of `dates` in `raw_games` that the live schedule gave one, by date and game id.
    public func tipoffs(on dates: [GameDate]) async throws -> [GameTipoff] {
        guard !dates.isEmpty else { return [] }
        return try await db.raw(
            """
            SELECT g.game_id, g.game_date, s.commence_utc FROM raw_games g
            JOIN raw_source_games s ON s.source = \(bind: RawReader.tipoffSource) AND s.source_game_id = g.game_id
            WHERE g.game_date IN (\(binds: dates.map(\.description))) AND s.commence_utc <> ''
            ORDER BY g.game_date, g.game_id
            """
        ).all().map { row in
            let id = try row.value("game_id", as: String.self)
            return GameTipoff(
                gameID: id, gameDate: try row.parsed("game_date", in: "raw_games", key: id, GameDate.init),
                commenceUTC: try row.value("commence_utc"))
        }
    }
}
