import HoopcastCore
import HoopcastStore
import SQLKit

/// The JSON files `hoopcast export --date D` writes, each described by a schema in `schemas/`.
public struct DateExport: Sendable {
    /// File name → document.
    public var files: [(name: String, document: JSONValue)]

    /// The files, in order: predictions, best bets, graded results, system performance.
    public static let fileNames = ["predictions.json", "best_bets.json", "results.json", "performance.json"]
}

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
        let bets = predictions.filter {
            if case .string(let value) = $0.field("recommendation") { return value == "OVER" || value == "UNDER" }
            return false
        }.sorted { ($0.numberField("edge") ?? 0) > ($1.numberField("edge") ?? 0) }
        let header: [(String, JSONValue)] = [
            ("date", .string(date.description)), ("feature_version", .string(Feature.version)),
        ]
        let results = try await resultRows(date)
        let performance = try await performance(date)
        return DateExport(files: [
            ("predictions.json", .object(header + [("predictions", .array(predictions))])),
            ("best_bets.json", .object(header + [("bets", .array(bets))])),
            ("results.json", .object(header + [("results", .array(results))])),
            ("performance.json", .object(header + performance)),
        ])
    }

    func predictionRows(_ date: GameDate) async throws -> [JSONValue] {
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
            .object([
                ("game_id", .string(try row.value("game_id", as: String.self))),
                (
                    "matchup",
                    .string(
                        "\(try row.value("away_team", as: String.self)) @ \(try row.value("home_team", as: String.self))"
                    )
                ),
                ("player_id", .integer(try row.value("player_id"))),
                ("player_name", .string(try row.value("name", as: String?.self))),
                ("market", .string(try row.value("market", as: String.self))),
                ("system", .string(try row.value("system", as: String.self))),
                ("predicted_value", .number(try row.value("predicted_value", as: Double.self))),
                ("standard_deviation", .number(try row.value("standard_deviation", as: Double.self))),
                ("line", .number(try row.value("line", as: Double?.self))),
                ("line_book", .string(try row.value("line_book", as: String?.self))),
                ("over_odds", .number(try row.value("over_odds", as: Double?.self))),
                ("under_odds", .number(try row.value("under_odds", as: Double?.self))),
                ("p_over_raw", .number(try row.value("p_over_raw", as: Double?.self))),
                ("p_over", .number(try row.value("p_over", as: Double?.self))),
                ("confidence", .number(try row.value("confidence", as: Double?.self))),
                ("edge", .number(try row.value("edge", as: Double?.self))),
                ("recommendation", .string(try row.value("recommendation", as: String.self))),
                ("model", .string(try row.value("model", as: String.self))),
            ])
        }
    }

    func resultRows(_ date: GameDate) async throws -> [JSONValue] {
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
            .object([
                ("game_id", .string(try row.value("game_id", as: String.self))),
                ("player_id", .integer(try row.value("player_id"))),
                ("player_name", .string(try row.value("name", as: String?.self))),
                ("market", .string(try row.value("market", as: String.self))),
                ("system", .string(try row.value("system", as: String.self))),
                ("recommendation", .string(try row.value("recommendation", as: String.self))),
                ("predicted_value", .number(try row.value("predicted_value", as: Double.self))),
                ("line", .number(try row.value("line", as: Double?.self))),
                ("actual", .number(try row.value("actual", as: Double?.self))),
                ("absolute_error", .number(try row.value("absolute_error", as: Double?.self))),
                ("outcome", .string(try row.value("outcome", as: String.self))),
                ("profit_units", .number(try row.value("profit_units", as: Double?.self))),
            ])
        }
    }

    /// The date's performance per system and market, and the season to date (from the season's first graded date).
    func performance(_ date: GameDate) async throws -> [(String, JSONValue)] {
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
        func block(_ row: any SQLRow, prefix: String) throws -> JSONValue {
            let graded = try row.value("\(prefix)graded", as: Int.self),
                bets = try row.value("\(prefix)bets", as: Int.self)
            let wins = try row.value("\(prefix)wins", as: Int.self),
                losses = try row.value("\(prefix)losses", as: Int.self)
            let profit = try row.value("\(prefix)profit", as: Double.self)
            return .object([
                ("graded", .integer(graded)),
                ("mae", .number(graded > 0 ? try row.value("\(prefix)error", as: Double.self) / Double(graded) : nil)),
                ("bets", .integer(bets)), ("wins", .integer(wins)), ("losses", .integer(losses)),
                ("profit_units", .number(profit)), ("roi", .number(bets > 0 ? profit / Double(bets) : nil)),
            ])
        }
        let systems = try rows.map { row in
            JSONValue.object([
                ("system", .string(try row.value("system", as: String.self))),
                ("market", .string(try row.value("market", as: String.self))),
                ("day", try block(row, prefix: "day_")), ("season_to_date", try block(row, prefix: "")),
            ])
        }
        return [("season", .string(season.description)), ("systems", .array(systems))]
    }
}

extension JSONValue {
    func field(_ name: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == name }?.1
    }

    func numberField(_ name: String) -> Double? {
        if case .number(let value) = field(name) { return value }
        return nil
    }
}

/// An export that cannot be made (nothing stored for the date).
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
