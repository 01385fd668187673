import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
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
        let predictions = try await PredictionReader(db: db).rows(on: date)
        var games: [String: ScheduledGame] = [:]
        for game in try await RawReader(db: db).games(on: date) { games[game.gameID] = game }
        let names = try await RegistryReader(db: db).names(of: Set(predictions.map(\.playerID)))
        return try predictions.map { prediction in
            guard let game = games[prediction.gameID] else {
                throw ExportError("prediction of game \(prediction.gameID) on \(date): the game is not in the schedule")
            }
            return ExportedPrediction(
                gameID: prediction.gameID, matchup: "\(game.awayTeam) @ \(game.homeTeam)",
                playerID: prediction.playerID, playerName: names[prediction.playerID], market: prediction.market,
                system: prediction.system, predictedValue: prediction.predictedValue,
                standardDeviation: prediction.standardDeviation, line: prediction.line?.line,
                lineBook: prediction.line?.book, overOdds: prediction.line?.overOdds,
                underOdds: prediction.line?.underOdds, pOverRaw: prediction.rawOverProbability,
                pOver: prediction.overProbability, confidence: prediction.confidence, edge: prediction.edge,
                recommendation: prediction.recommendation, model: prediction.model)
        }
    }

    func resultRows(_ date: GameDate) async throws -> [ExportedResult] {
        let results = try await GradeReader(db: db).results(from: date, to: date)
        let names = try await RegistryReader(db: db).names(of: Set(results.map(\.playerID)))
        return results.map { graded in
            ExportedResult(
                gameID: graded.gameID, playerID: graded.playerID, playerName: names[graded.playerID],
                market: graded.market, system: graded.system, recommendation: graded.recommendation,
                predictedValue: graded.predictedValue, line: graded.line, actual: graded.grade.actual,
                absoluteError: graded.grade.absoluteError, outcome: graded.grade.outcome,
                profitUnits: graded.grade.profitUnits)
        }
    }

    /// The date's performance per system and market, and the season to date (from the season's first graded date),
    /// summed in date order.
    func performance(_ date: GameDate) async throws -> (season: String, systems: [SystemPerformance]) {
        let season = Season.containing(date)
        let daily = try await GradeReader(db: db).daily(from: season.firstPossibleDate, to: date)
        var groups: [(system: SystemName, market: Market, rows: [DailyPerformance])] = []
        for row in daily {  // ordered by system, market, date
            if let last = groups.last, last.system == row.system, last.market == row.market {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append((row.system, row.market, [row]))
            }
        }
        func block(_ rows: [DailyPerformance]) -> PerformanceBlock {
            let graded = rows.reduce(0) { $0 + $1.graded }, bets = rows.reduce(0) { $0 + $1.bets }
            let error = rows.reduce(0.0) { $0 + ($1.meanAbsoluteError ?? 0) * Double($1.graded) }
            let profit = rows.reduce(0.0) { $0 + $1.profitUnits }
            return PerformanceBlock(
                graded: graded, mae: graded > 0 ? error / Double(graded) : nil, bets: bets,
                wins: rows.reduce(0) { $0 + $1.wins }, losses: rows.reduce(0) { $0 + $1.losses },
                profitUnits: profit, roi: bets > 0 ? profit / Double(bets) : nil)
        }
        let systems = groups.map { group in
            SystemPerformance(
                system: group.system, market: group.market, day: block(group.rows.filter { $0.gameDate == date }),
                seasonToDate: block(group.rows))
        }
        return (season.description, systems)
    }
}

/// An export that cannot be made (nothing stored for the date).
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
