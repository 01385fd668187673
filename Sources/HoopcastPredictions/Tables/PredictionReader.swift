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
