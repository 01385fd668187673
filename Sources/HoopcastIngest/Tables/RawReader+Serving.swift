import HoopcastCore
import HoopcastStore
import SQLKit

/// A game with its score once played.
public struct GameScore: Sendable, Hashable {
    public var game: ScheduledGame
    /// Points of the home team; nil until the result is in.
    public var homePoints: Int?
    public var awayPoints: Int?

    public init(game: ScheduledGame, homePoints: Int?, awayPoints: Int?) {
        self.game = game
        self.homePoints = homePoints
        self.awayPoints = awayPoints
    }
}

extension RawReader {
    /// Games on exactly `date` with their scores, by game id.
    public func scores(on date: GameDate) async throws -> [GameScore] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.gameColumns), home_pts, away_pts FROM raw_games
            WHERE game_date = \(bind: date.description) ORDER BY game_id
            """
        ).all().map { row in
            GameScore(
                game: try RawReader.game(row), homePoints: try row.value("home_pts"),
                awayPoints: try row.value("away_pts"))
        }
    }

    /// `player`'s box scores of `season` before `date`, newest first.
    public func boxScores(player: Int, season: Season, before date: GameDate) async throws -> [BoxScoreLine] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: RawReader.boxScoreColumns) FROM raw_player_boxscores
            WHERE player_id = \(bind: player) AND season = \(bind: season.description)
              AND game_date < \(bind: date.description)
            ORDER BY game_date DESC, game_id DESC
            """
        ).all().map(RawReader.boxScore)
    }
}
