import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// `grade.predictions`: once a game's box score exists, every prediction for it gets the actual value and its
/// error; OVER/UNDER rows get win/loss/push and profit at the posted odds (−110 when none); a player without a
/// box-score row in a game that has them is void. Predictions of games not yet box-scored stay pending (not graded,
/// reported). Then the day's performance per system and market.
public struct GradeStep: Step {
    public let name = "grade.predictions"
    public let upstream = ["predict.systems"]

    /// Where the predict step hands over the predictions it committed (read from the store when absent or stale).
    let handoff: PredictionHandoff?

    /// Creates the step; with a `handoff`, a date's predictions come from it while they are what the store holds.
    public init(handoff: PredictionHandoff? = nil) {
        self.handoff = handoff
    }

    static let resultWriter = PartitionWriter(GradedPrediction.table)
    static let dailyWriter = PartitionWriter(DailyPerformance.table)

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let predictions =
            if let handoff { try await handoff.rows(on: date, db: db) } else {
                try await PredictionReader(db: db).rows(on: date)
            }
        if predictions.isEmpty {
            let gated = try await FeatureReader(db: db).passedCount(on: date)
            guard gated == 0 else {
                throw StepFailure("no predictions stored for \(date) although \(gated) feature rows passed the gate")
            }
            return StepReport(rowsWritten: 0, notes: ["nothing to grade: no predictions were due on \(date)"])
        }
        let boxScores = try await RawReader(db: db).actuals(on: date)  // game → player → market → actual
        var graded: [GradedPrediction] = []
        var pendingGames: Set<String> = []
        for prediction in predictions {
            guard let players = boxScores[prediction.gameID] else {
                pendingGames.insert(prediction.gameID)
                continue
            }
            let input = GradeInput(
                recommendation: prediction.recommendation, predictedValue: prediction.predictedValue,
                line: prediction.line?.line, overOdds: prediction.line?.overOdds,
                underOdds: prediction.line?.underOdds, actual: players[prediction.playerID]?[prediction.market])
            graded.append(
                GradedPrediction(
                    gameID: prediction.gameID, playerID: prediction.playerID, market: prediction.market,
                    system: prediction.system, gameDate: date, recommendation: prediction.recommendation,
                    predictedValue: prediction.predictedValue, line: input.line,
                    overProbability: prediction.overProbability, edge: prediction.edge, grade: Grader.grade(input),
                    rawOverProbability: prediction.rawOverProbability, overOdds: input.overOdds,
                    underOdds: input.underOdds))
        }
        let partition: [(column: String, value: SQLValue)] = [
            ("game_date", .text(date.description)), ("feature_version", .text(Feature.version)),
        ]
        let resultWrite = try await GradeStep.resultWriter.plan(
            partition: partition, with: graded.map(\.storedValues), runID: context.runID, in: context.store)
        let daily = DailyPerformance.aggregate(graded)
        let summaryWrite = try await GradeStep.dailyWriter.plan(
            partition: partition, with: daily.map(\.storedValues), runID: context.runID, in: context.store)
        let (results, summary) = (resultWrite.result, summaryWrite.result)
        try await context.commit { db in
            try await resultWrite.apply(on: db)
            try await summaryWrite.apply(on: db)
            return results.written + results.deleted + summary.written + summary.deleted
        }
        let outcomes = graded.filter { $0.system == PredictionEngine.ensembleName }.map(\.grade.outcome)
        var notes = [
            "\(graded.count) predictions graded (\(graded.filter { $0.grade.actual == nil }.count) of players who did not play)"
        ]
        if !outcomes.isEmpty {
            notes.append(
                "ensemble bets: \(outcomes.filter { $0 == .win }.count) won, \(outcomes.filter { $0 == .loss }.count) lost, "
                    + "\(outcomes.filter { $0 == .push }.count) pushed")
        }
        if !pendingGames.isEmpty {
            notes.append("\(pendingGames.count) games without box scores yet: their predictions stay ungraded")
        }
        return StepReport(
            rowsWritten: results.written + results.deleted + summary.written + summary.deleted, notes: notes)
    }
}
