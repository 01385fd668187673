import HoopcastCore
import HoopcastStore
import SQLKit

/// Builds a date's export from the store (one query per file).
public struct DateExporter: Sendable {
    let db: any SQLDatabase

    /// Creates an exporter.
    public init(db: any SQLDatabase) { self.db = db }

    /// The export of `date`; throws when the date has no predictions.
    public func export(date: GameDate) async throws -> DateExport {
        let predictions = try await predictionRows(date)
        guard !predictions.isEmpty else {
            throw ExportError("no predictions stored for \(date): run `hoopcast run --date \(date)` first")
        }
        let bets = predictions.filter(\.isBet).sorted { ($0.edge ?? 0) > ($1.edge ?? 0) }
        let (day, version) = (date.description, Feature.version)
        let (season, systems) = try await performance(date)
        return DateExport(
            predictions: .init(date: day, featureVersion: version, predictions: predictions),
            bestBets: .init(date: day, featureVersion: version, bets: bets),
            results: .init(date: day, featureVersion: version, results: try await resultRows(date)),
            performance: .init(date: day, featureVersion: version, season: season, systems: systems))
    }

    func predictionRows(_ date: GameDate) async throws -> [ExportedPrediction] {
        try await db.raw(
            """
            SELECT p.game_id, g.home_team, g.away_team, p.player_id, r.name, p.market, p.system, p.predicted_value,
                   p.standard_deviation, p.line, p.line_book, p.over_odds, p.under_odds, p.p_over_raw, p.p_over,
                   p.confidence, p.edge, p.recommendation, p.model
            FROM predictions_player_props p
            JOIN raw_games g ON g.game_id = p.game_id
            LEFT JOIN registry_players r ON r.player_id = p.player_id
            WHERE p.game_date = \(bind: date.description) AND p.feature_version = \(bind: Feature.version)
            ORDER BY p.game_id, p.player_id, p.market, p.system
            """
        ).all().map { row in
            ExportedPrediction(
                gameID: try row.value("game_id"),
                matchup:
                    "\(try row.value("away_team", as: String.self)) @ \(try row.value("home_team", as: String.self))",
                playerID: try row.value("player_id"), playerName: try row.value("name"),
                market: try row.value("market"), system: try row.value("system"),
                predictedValue: try row.value("predicted_value"),
                standardDeviation: try row.value("standard_deviation"),
                line: try row.value("line"), lineBook: try row.value("line_book"), overOdds: try row.value("over_odds"),
                underOdds: try row.value("under_odds"), pOverRaw: try row.value("p_over_raw"),
                pOver: try row.value("p_over"), confidence: try row.value("confidence"), edge: try row.value("edge"),
                recommendation: try row.value("recommendation"), model: try row.value("model"))
        }
    }

    func resultRows(_ date: GameDate) async throws -> [ExportedResult] {
        try await db.raw(
            """
            SELECT g.game_id, g.player_id, r.name, g.market, g.system, g.recommendation, g.predicted_value, g.line,
                   g.actual, g.absolute_error, g.outcome, g.profit_units
            FROM grading_prediction_results g
            LEFT JOIN registry_players r ON r.player_id = g.player_id
            WHERE g.game_date = \(bind: date.description) AND g.feature_version = \(bind: Feature.version)
            ORDER BY g.game_id, g.player_id, g.market, g.system
            """
        ).all().map { row in
            ExportedResult(
                gameID: try row.value("game_id"), playerID: try row.value("player_id"),
                playerName: try row.value("name"), market: try row.value("market"), system: try row.value("system"),
                recommendation: try row.value("recommendation"), predictedValue: try row.value("predicted_value"),
                line: try row.value("line"), actual: try row.value("actual"),
                absoluteError: try row.value("absolute_error"), outcome: try row.value("outcome"),
                profitUnits: try row.value("profit_units"))
        }
    }

    /// The date's performance per system and market, and the season to date (from the season's first graded date).
    func performance(_ date: GameDate) async throws -> (season: String, systems: [SystemPerformance]) {
        let season = Season.containing(date)
        let rows = try await db.raw(
            """
            SELECT system, market,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN predictions ELSE 0 END) AS day_predictions,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN graded ELSE 0 END) AS day_graded,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN mae * graded ELSE 0 END) AS day_error,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN bets ELSE 0 END) AS day_bets,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN wins ELSE 0 END) AS day_wins,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN losses ELSE 0 END) AS day_losses,
                   SUM(CASE WHEN game_date = \(bind: date.description) THEN profit_units ELSE 0 END) AS day_profit,
                   SUM(graded) AS graded, SUM(COALESCE(mae, 0) * graded) AS error, SUM(bets) AS bets, SUM(wins) AS wins,
                   SUM(losses) AS losses, SUM(profit_units) AS profit
            FROM grading_system_daily
            WHERE game_date >= \(bind: season.firstPossibleDate.description) AND game_date <= \(bind: date.description)
              AND feature_version = \(bind: Feature.version)
            GROUP BY system, market ORDER BY system, market
            """
        ).all()
        func block(_ row: any SQLRow, prefix: String) throws -> PerformanceBlock {
            let graded = try row.value("\(prefix)graded", as: Int.self)
            let bets = try row.value("\(prefix)bets", as: Int.self)
            let profit = try row.value("\(prefix)profit", as: Double.self)
            return PerformanceBlock(
                graded: graded,
                mae: graded > 0 ? try row.value("\(prefix)error", as: Double.self) / Double(graded) : nil,
                bets: bets, wins: try row.value("\(prefix)wins"), losses: try row.value("\(prefix)losses"),
                profitUnits: profit, roi: bets > 0 ? profit / Double(bets) : nil)
        }
        let systems = try rows.map { row in
            SystemPerformance(
                system: try row.value("system"), market: try row.value("market"),
                day: try block(row, prefix: "day_"), seasonToDate: try block(row, prefix: ""))
        }
        return (season.description, systems)
    }
}

/// An export that cannot be made (nothing stored for the date).
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
