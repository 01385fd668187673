import HoopcastCore
import HoopcastIngest
import SQLKit

extension FeatureReader {
    /// Whether each player of `date` plays at home, from the feature rows' `is_home` (one small read: the column
    /// alone, one row per player and game).
    public func venues(on date: GameDate) async throws -> [PlayerGameKey: Bool] {
        var venues: [PlayerGameKey: Bool] = [:]
        for row in try await db.raw(
            """
            SELECT DISTINCT game_id, player_id, \(unsafeRaw: Feature.isHome.column) AS is_home
            FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """
        ).all() {
            guard let isHome = try row.value("is_home", as: Double?.self) else { continue }
            let key = PlayerGameKey(gameID: try row.value("game_id"), playerID: try row.value("player_id"))
            venues[key] = isHome >= 0.5
        }
        return venues
    }
}
