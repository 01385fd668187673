import HoopcastCore
import HoopcastPredictions

/// One stored prediction with what a reader of the slate needs beside it: the player's name and team, the game.
public struct SlatePrediction: Sendable, Hashable {
    public var record: PredictionRecord
    public var playerName: String?
    /// The player's team in this game; nil when the feature row is missing.
    public var team: Team?
    public var game: ScheduledGame?

    /// `AWAY @ HOME`, or the game id when the game is unknown.
    public var matchup: String {
        game.map { "\($0.awayTeam) @ \($0.homeTeam)" } ?? record.gameID
    }

    /// The order of the slate and the key of its cursor: game, player, market, system.
    public var sortKey: String {
        Self.sortKey(gameID: record.gameID, playerID: record.playerID, market: record.market, system: record.system)
    }

    /// `game|player (zero-padded)|market|system`: sorts as the tuple does.
    public static func sortKey(gameID: String, playerID: Int, market: Market, system: SystemName) -> String {
        let player = String(playerID)
        return "\(gameID)|\(String(repeating: "0", count: max(0, 10 - player.count)))\(player)|"
            + "\(market.rawValue)|\(system.rawValue)"
    }
}
