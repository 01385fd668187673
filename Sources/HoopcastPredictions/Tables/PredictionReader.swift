import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of `predictions_player_props` of the current ``Feature/version``: what grading, exports and the API
/// read of the predictions.
public struct PredictionReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// The table's name, for the change counters (``PartitionVersions``) a cache of derived rows watches.
    public static let table = PredictionRecord.table.name

    /// ``rows(on:)``'s `ORDER BY`, in Swift (for rows that did not come from the store; `PredictionHandoffTests`
    /// checks the two agree).
    public static func inReadOrder(_ a: PredictionRecord, _ b: PredictionRecord) -> Bool {
        (a.gameID, a.playerID, a.market.rawValue, a.system.rawValue)
            < (b.gameID, b.playerID, b.market.rawValue, b.system.rawValue)
    }

    /// Every prediction of `date` in (game, player, market, system) order — a fixed order, so that sums over them
    /// add in the same order on every engine, to the last bit.
    public func rows(on date: GameDate) async throws -> [PredictionRecord] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: PredictionRecord.table.selectList()) FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            ORDER BY game_id, player_id, market, system
            """
        ).all().map { try PredictionRecord(row: $0) }
    }
}

extension PredictionReader {
    /// `player`'s predictions in the games `gameIDs` (by the table's key, so a player page costs one indexed query).
    public func rows(player: Int, games gameIDs: [String]) async throws -> [PredictionRecord] {
        guard !gameIDs.isEmpty else { return [] }
        var rows: [PredictionRecord] = []
        for start in stride(from: 0, to: gameIDs.count, by: 500) {
            rows += try await db.raw(
                """
                SELECT \(unsafeRaw: PredictionRecord.table.selectList()) FROM predictions_player_props
                WHERE game_id IN (\(binds: Array(gameIDs[start..<min(start + 500, gameIDs.count)])))
                  AND player_id = \(bind: player) AND feature_version = \(bind: Feature.version)
                ORDER BY game_date, game_id, market, system
                """
            ).all().map { try PredictionRecord(row: $0) }
        }
        return rows
    }

    /// How many predictions `date` holds (the alerts' "no predictions by the expected time").
    public func count(on date: GameDate) async throws -> Int {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """
        ).first()?.value("n", as: Int.self) ?? 0
    }

    /// The latest date with predictions; nil when there are none.
    public func latestDate() async throws -> GameDate? {
        guard
            let text = try await db.raw(
                "SELECT MAX(game_date) AS d FROM predictions_player_props WHERE feature_version = \(bind: Feature.version)"
            ).first()?.value("d", as: String?.self)
        else { return nil }
        return try GameDate(text).orThrow(StoreError(.decodingFailed, "predictions_player_props: game_date '\(text)'"))
    }
}

extension Optional {
    fileprivate func orThrow(_ error: some Error) throws -> Wrapped {
        guard let self else { throw error }
        return self
    }
}
