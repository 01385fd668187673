import HoopcastCore

/// A (game, player, market) key, hashed as values rather than as interpolated text (the checks look up thousands a
/// date); ``text`` is the key as failing rows print it.
struct RowKey: Hashable, Sendable {
    var gameID: String
    var playerID: Int
    var market: Market

    /// `game/player/market`.
    var text: String { "\(gameID)/\(playerID)/\(market.rawValue)" }
}

/// A prediction's key: a ``RowKey`` and the system.
struct PredictionKey: Hashable, Sendable {
    var row: RowKey
    var system: SystemName

    /// `game/player/market/system`.
    var text: String { "\(row.text)/\(system.rawValue)" }
}
