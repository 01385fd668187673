import HoopcastCore
import HoopcastModels
import HoopcastPredictions
import HoopcastStore
import SQLKit

/// Typed reads of the grading layer (`grading_prediction_results`, `grading_system_daily`) of the current
/// ``Feature/version``: graded predictions for evaluation, exports and the API, and the ``GradedHistory`` the
/// predictions learn from.
public struct GradeReader: GradedHistory {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    public var tables: [String] { [GradedPrediction.table.name, DailyPerformance.table.name] }

    /// The graded predictions dated in [from, to], in (date, game, player, market, system) order.
    public func results(from: GameDate, to: GameDate) async throws -> [GradedPrediction] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: GradedPrediction.table.selectList()) FROM grading_prediction_results
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description)
              AND feature_version = \(bind: Feature.version)
            ORDER BY game_date, game_id, player_id, market, system
            """
        ).all().map { try GradedPrediction(row: $0) }
    }

    /// The graded predictions made against a line on `date` (one in ten of a date's rows), in (game, player,
    /// market, system) order.
    public func linedResults(on date: GameDate) async throws -> [GradedPrediction] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: GradedPrediction.table.selectList()) FROM grading_prediction_results
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
              AND line IS NOT NULL
            ORDER BY game_id, player_id, market, system
            """
        ).all().map { try GradedPrediction(row: $0) }
    }

    /// The daily performance rows dated in [from, to], in (system, market, date) order.
    public func daily(from: GameDate, to: GameDate) async throws -> [DailyPerformance] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: DailyPerformance.table.selectList()) FROM grading_system_daily
            WHERE game_date >= \(bind: from.description) AND game_date <= \(bind: to.description)
              AND feature_version = \(bind: Feature.version)
            ORDER BY system, market, game_date
            """
        ).all().map { try DailyPerformance(row: $0) }
    }

    public func calibrationSamples(from: GameDate, before: GameDate) async throws
        -> [(date: GameDate, row: CalibrationSample)]
    {
        let rows = try await db.raw(
            """
            SELECT game_date, game_id, player_id, system, market, p_over_raw, line, over_odds, under_odds, actual
            FROM grading_prediction_results
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
              AND feature_version = \(bind: Feature.version) AND p_over_raw IS NOT NULL AND actual IS NOT NULL
            ORDER BY game_date, game_id, player_id, market, system
            """
        ).all()
        let table = GradedPrediction.table.name
        var samples: [(date: GameDate, row: CalibrationSample)] = []
        samples.reserveCapacity(rows.count)
        for row in rows {
            let actual = try row.value("actual", as: Double.self), line = try row.value("line", as: Double.self)
            guard actual != line else { continue }  // a push is neither over nor under
            let key = "\(try row.value("game_id", as: String.self))/\(try row.value("player_id", as: Int.self))"
            samples.append(
                (
                    try row.parsed("game_date", in: table, key: key, GameDate.init),
                    CalibrationSample(
                        system: try row.parsed("system", in: table, key: key, SystemName.init(rawValue:)),
                        market: try row.parsed("market", in: table, key: key, Market.init(rawValue:)),
                        rawProbability: try row.value("p_over_raw"),
                        marketProbability: MarketCalibration.marketProbability(
                            overOdds: try row.value("over_odds"), underOdds: try row.value("under_odds")),
                        wentOver: actual > line)
                ))
        }
        return samples
    }

    public func stackEvidence(from: GameDate, before: GameDate) async throws
        -> [(date: GameDate, row: StackEvidence)]
    {
        let members = StackSystem.members.map(\.rawValue)
        let rows = try await db.raw(
            """
            SELECT game_date, game_id, player_id, market, system, predicted_value, line, actual
            FROM grading_prediction_results
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
              AND feature_version = \(bind: Feature.version) AND line IS NOT NULL AND actual IS NOT NULL
              AND system IN (\(binds: members))
            ORDER BY game_date, game_id, player_id, market, system
            """
        ).all()
        let table = GradedPrediction.table.name
        var evidence: [(date: GameDate, row: StackEvidence)] = []
        var current: (game: String, player: Int, market: Market)?
        for row in rows {
            let game = try row.value("game_id", as: String.self), player = try row.value("player_id", as: Int.self)
            let key = "\(game)/\(player)"
            let market = try row.parsed("market", in: table, key: key, Market.init(rawValue:))
            let system = try row.parsed("system", in: table, key: key, SystemName.init(rawValue:))
            let predicted = try row.value("predicted_value", as: Double.self)
            if let open = current, open.game == game, open.player == player, open.market == market {
                evidence[evidence.count - 1].row.sample.predictions[system] = predicted
                continue
            }
            current = (game, player, market)
            evidence.append(
                (
                    try row.parsed("game_date", in: table, key: key, GameDate.init),
                    StackEvidence(
                        market: market,
                        sample: StackSystem.Sample(
                            line: try row.value("line"), actual: try row.value("actual"),
                            predictions: [system: predicted]))
                ))
        }
        return evidence
    }

    public func tracks(from: GameDate, before: GameDate) async throws -> [Market: [SystemName: EnsembleSystem.Track]] {
        // Summed here in date order rather than by SQL's SUM, whose order (and so last bit) differs by engine.
        let rows = try await db.raw(
            """
            SELECT system, market, game_date, mae, graded FROM grading_system_daily
            WHERE game_date >= \(bind: from.description) AND game_date < \(bind: before.description)
              AND feature_version = \(bind: Feature.version) AND graded > 0
            ORDER BY system, market, game_date
            """
        ).all()
        var sums: [Market: [SystemName: (error: Double, graded: Int)]] = [:]
        for row in rows {
            let (table, key) = (DailyPerformance.table.name, try row.value("game_date", as: String.self))
            let system = try row.parsed("system", in: table, key: key, SystemName.init(rawValue:))
            let market = try row.parsed("market", in: table, key: key, Market.init(rawValue:))
            let graded = try row.value("graded", as: Int.self)
            let error = try row.value("mae", as: Double.self) * Double(graded)
            sums[market, default: [:]][system, default: (0, 0)].error += error
            sums[market, default: [:]][system, default: (0, 0)].graded += graded
        }
        return sums.mapValues { systems in
            systems.mapValues {
                EnsembleSystem.Track(meanAbsoluteError: $0.error / Double($0.graded), graded: $0.graded)
            }
        }
    }
}
