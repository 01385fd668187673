import HoopcastCore
import HoopcastStore
import SQLKit

/// A prediction made without a line, read with the columns such a row fills — its key, value, spread and
/// recommendation — and the line, probabilities and edge that must be empty, but not the model, date and prices.
public struct UnlinedPrediction: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var system: SystemName
    public var predictedValue: Double
    public var standardDeviation: Double
    public var recommendation: Recommendation
    /// Empty on a consistent row.
    public var line: Double?
    /// Empty on a consistent row.
    public var overProbability: Double?
    /// Empty on a consistent row.
    public var confidence: Double?
    /// Empty on a consistent row.
    public var edge: Double?
}

extension UnlinedPrediction {
    /// The columns of `record` that ``PredictionReader/unlinedRows(on:)`` reads.
    public init(_ record: PredictionRecord) {
        self.init(
            gameID: record.gameID, playerID: record.playerID, market: record.market, system: record.system,
            predictedValue: record.predictedValue, standardDeviation: record.standardDeviation,
            recommendation: record.recommendation, line: record.line?.line, overProbability: record.overProbability,
            confidence: record.confidence, edge: record.edge)
    }
}

extension PredictionReader {
    /// Every prediction of `date` made against a line (a raw P(over) stored), in no particular order, through the
    /// partial index of lined predictions — with ``unlinedRows(on:)``, the whole date for readers whose result does
    /// not depend on the order (the data-quality checks).
    public func linedRows(on date: GameDate) async throws -> [PredictionRecord] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: PredictionRecord.table.selectList()) FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
              AND p_over_raw IS NOT NULL
            """
        ).all().map { try PredictionRecord(row: $0) }
    }

    /// Every prediction of `date` made without a line (no raw P(over)), in no particular order: nine in ten of a
    /// date's rows, read without the columns they leave empty.
    public func unlinedRows(on date: GameDate) async throws -> [UnlinedPrediction] {
        let table = PredictionReader.table
        return try await db.raw(
            """
            SELECT game_id, player_id, market, system, predicted_value, standard_deviation, recommendation, line, p_over,
                   confidence, edge
            FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
              AND p_over_raw IS NULL
            """
        ).all().map { row in
            let gameID = try row.value("game_id", as: String.self), playerID = try row.value("player_id", as: Int.self)
            let key = { "\(gameID)/\(playerID)" }
            return UnlinedPrediction(
                gameID: gameID, playerID: playerID,
                market: try row.parsed("market", in: table, key: key(), Market.init(rawValue:)),
                system: try row.parsed("system", in: table, key: key(), SystemName.init(rawValue:)),
                predictedValue: try row.value("predicted_value"),
                standardDeviation: try row.value("standard_deviation"),
                recommendation: try row.parsed("recommendation", in: table, key: key(), Recommendation.init(rawValue:)),
                line: try row.value("line"), overProbability: try row.value("p_over"),
                confidence: try row.value("confidence"), edge: try row.value("edge"))
        }
    }
}
