import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import SQLKit

/// Reads what the predictions of a date need, in batch: the date's gated feature rows with the line the feature
/// step chose for each (never the raw quotes: the line is chosen once), and — through the caches — the players'
/// history, calibration evidence and the systems' recent accuracy.
struct PredictionInputsReader: Sendable {
    let db: any SQLDatabase
    let history: PlayerHistory
    let calibration: DatedCache<CalibrationSample>

    /// Days of graded predictions behind the ensemble weights.
    static let trackDays = 60
    /// Days of graded predictions behind calibration.
    static let calibrationDays = 365

    func read(date: GameDate) async throws -> (context: PredictionContext, skipped: Int) {
        let featureRows = try await db.raw(
            """
            SELECT game_id, player_id, market, gate, features, line, line_book, line_over_odds, line_under_odds,
                   line_snapshot_utc
            FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """
        ).all()
        var rows: [GatedFeatureRow] = []
        var lines: [PlayerMarketKey: ChosenLine] = [:]
        var skipped = 0
        for row in featureRows {
            guard try row.value("gate", as: String.self) == "pass" else {
                skipped += 1
                continue
            }
            let marketText = try row.value("market", as: String.self)
            guard let market = Market(rawValue: marketText) else {
                throw StoreError(.decodingFailed, "features_player_market.market is not a market: \(marketText)")
            }
            let playerID: Int = try row.value("player_id")
            let features = try FeatureRow.values(fromJSON: try row.value("features"))
            rows.append(
                GatedFeatureRow(
                    gameID: try row.value("game_id"), playerID: playerID, market: market,
                    features: features))
            if let line = try row.value("line", as: Double?.self) {
                lines[PlayerMarketKey(playerID: playerID, market: market)] = ChosenLine(
                    line: line, book: try row.value("line_book"), overOdds: try row.value("line_over_odds"),
                    underOdds: try row.value("line_under_odds"), movement: features[.lineMovement] ?? 0,
                    books: Int(features[.booksQuoting] ?? 0), snapshotUTC: try row.value("line_snapshot_utc"))
            }
        }
        let players = Set(rows.map(\.playerID))
        let history = try await self.history.history(of: players, before: date, db: db)
        let reader = CalibrationReader(db: db)
        let calibrationVersions = try await PartitionVersions.read(
            ["predictions_player_props", "grading_prediction_results"],
            from: date.adding(days: -PredictionInputsReader.calibrationDays).description, before: date.description,
            on: db)
        let samples = try await calibration.rows(before: date, versions: calibrationVersions) {
            try await reader.samples(from: $0, before: $1)
        }
        let context = PredictionContext(
            date: date, rows: rows, lines: lines, history: history, calibration: CalibrationBook(samples: samples),
            tracks: try await tracks(before: date))
        return (context, skipped)
    }

    /// Mean absolute error per (market, system) over the graded predictions of the ``trackDays`` before the date.
    func tracks(before date: GameDate) async throws -> [Market: [String: EnsembleSystem.Track]] {
        // Summed here in date order rather than by SQL's SUM, whose order (and so last bit) differs by engine.
        let rows = try await db.raw(
            """
            SELECT system, market, mae, graded FROM grading_system_daily
            WHERE game_date >= \(bind: date.adding(days: -PredictionInputsReader.trackDays).description)
              AND game_date < \(bind: date.description) AND feature_version = \(bind: Feature.version) AND graded > 0
            ORDER BY system, market, game_date
            """
        ).all()
        var sums: [Market: [String: (error: Double, graded: Int)]] = [:]
        for row in rows {
            let marketText = try row.value("market", as: String.self)
            guard let market = Market(rawValue: marketText) else {
                throw StoreError(.decodingFailed, "grading_system_daily.market is not a market: \(marketText)")
            }
            let graded = try row.value("graded", as: Int.self)
            let error = try row.value("mae", as: Double.self) * Double(graded)
            sums[market, default: [:]][try row.value("system", as: String.self), default: (0, 0)].error += error
            sums[market, default: [:]][try row.value("system", as: String.self), default: (0, 0)].graded += graded
        }
        let tracks = sums.mapValues { systems in
            systems.mapValues {
                EnsembleSystem.Track(meanAbsoluteError: $0.error / Double($0.graded), graded: $0.graded)
            }
        }
        return tracks
    }
}
