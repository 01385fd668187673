import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastModels
import HoopcastStore
import SQLKit

/// Reads what the predictions of a date need, in batch: the date's gated feature rows, its lines, and — through
/// the caches — the players' history, calibration evidence and the systems' recent accuracy.
struct PredictionInputsReader: Sendable {
    let db: any SQLDatabase
    let linePolicy: LinePolicy
    let history: PlayerHistoryCache
    let calibration: DatedCache<CalibrationSample>

    /// Days of graded predictions behind the ensemble weights.
    static let trackDays = 60
    /// Days of graded predictions behind calibration.
    static let calibrationDays = 365

    func read(date: GameDate) async throws -> (context: PredictionContext, skipped: Int, excludedQuotes: [String: Int]) {
        let featureRows = try await db.raw("""
            SELECT game_id, player_id, market, gate, features FROM features_player_market
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            """).all()
        var rows: [GatedFeatureRow] = []
        var skipped = 0
        for row in featureRows {
            guard try row.value("gate", as: String.self) == "pass" else { skipped += 1; continue }
            let marketText = try row.value("market", as: String.self)
            guard let market = Market(rawValue: marketText) else {
                throw StoreError(.decodingFailed, "features_player_market.market is not a market: \(marketText)")
            }
            rows.append(GatedFeatureRow(gameID: try row.value("game_id"), playerID: try row.value("player_id"), market: market,
                                        features: try FeatureRow.values(fromJSON: try row.value("features"))))
        }
        let (quotes, excluded) = try await PropQuoteReader(db: db).quotes(on: date)
        var lines: [PlayerMarketKey: ChosenLine] = [:]
        for (key, offers) in quotes { lines[key] = linePolicy.choose(from: offers) }
        let players = Set(rows.map(\.playerID))
        let history = try await self.history.history(of: players, before: date, db: db)
        let reader = CalibrationReader(db: db)
        let samples = try await calibration.rows(before: date) { try await reader.samples(from: $0, before: $1) }
        let context = PredictionContext(
            date: date, rows: rows, lines: lines, history: history, calibration: CalibrationBook(samples: samples),
            tracks: try await tracks(before: date))
        return (context, skipped, excluded)
    }

    /// Mean absolute error per (market, system) over the graded predictions of the ``trackDays`` before the date.
    func tracks(before date: GameDate) async throws -> [Market: [String: EnsembleSystem.Track]] {
        // Summed here in date order rather than by SQL's SUM, whose order (and so last bit) differs by engine.
        let rows = try await db.raw("""
            SELECT system, market, mae, graded FROM grading_system_daily
            WHERE game_date >= \(bind: date.adding(days: -PredictionInputsReader.trackDays).description)
              AND game_date < \(bind: date.description) AND feature_version = \(bind: Feature.version) AND graded > 0
            ORDER BY system, market, game_date
            """).all()
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
            systems.mapValues { EnsembleSystem.Track(meanAbsoluteError: $0.error / Double($0.graded), graded: $0.graded) }
        }
        return tracks
    }
}
