import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit

/// `grade.predictions`: once a game's box score exists, every prediction for it gets the actual value and its
/// error; OVER/UNDER rows get win/loss/push and profit at the posted odds (−110 when none); a player without a
/// box-score row in a game that has them is void. Predictions of games not yet box-scored stay pending (not graded,
/// reported). Then the day's performance per system and market.
public struct GradeStep: Step {
    public let name = "grade.predictions"
    public let upstream = ["predict.systems"]

    /// Creates the step.
    public init() {}

    static let resultWriter = PartitionWriter(
        table: "grading_prediction_results", columns: GradedPrediction.columns,
        key: [
            ("game_id", .text), ("player_id", .int), ("market", .text), ("system", .text), ("feature_version", .text),
        ])
    static let dailyWriter = PartitionWriter(
        table: "grading_system_daily", columns: DailyPerformance.columns,
        key: [("game_date", .text), ("system", .text), ("market", .text), ("feature_version", .text)])

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let db = context.store.sql
        let predictions = try await db.raw(
            """
            SELECT game_id, player_id, market, system, recommendation, predicted_value, line, over_odds, under_odds,
                   p_over, edge
            FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version)
            ORDER BY game_id, player_id, market, system
            """
        ).all()  // ordered: the daily sums then add in the same order on every engine, to the last bit
        if predictions.isEmpty {
            let gated =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM features_player_market
                    WHERE game_date = \(bind: date.description) AND feature_version = \(bind: Feature.version) AND gate = 'pass'
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard gated == 0 else {
                throw StepFailure("no predictions stored for \(date) although \(gated) feature rows passed the gate")
            }
            return StepReport(rowsWritten: 0, notes: ["nothing to grade: no predictions were due on \(date)"])
        }
        var boxScores: [String: [Int: [Market: Double]]] = [:]  // game → player → market → actual
        for row in try await db.raw(
            """
            SELECT game_id, player_id, pts, reb, ast, fg3m FROM raw_player_boxscores
            WHERE game_date = \(bind: date.description)
            """
        ).all() {
            boxScores[try row.value("game_id"), default: [:]][try row.value("player_id")] = try row.marketStats()
        }
        var graded: [GradedPrediction] = []
        var pendingGames: Set<String> = []
        for row in predictions {
            let gameID = try row.value("game_id", as: String.self)
            guard let players = boxScores[gameID] else {
                pendingGames.insert(gameID)
                continue
            }
            let marketText = try row.value("market", as: String.self),
                recommendationText = try row.value("recommendation", as: String.self)
            guard let market = Market(rawValue: marketText),
                let recommendation = Recommendation(rawValue: recommendationText)
            else {
                throw StoreError(
                    .decodingFailed,
                    "predictions_player_props row has market \(marketText), recommendation \(recommendationText)")
            }
            let playerID = try row.value("player_id", as: Int.self)
            let input = GradeInput(
                recommendation: recommendation, predictedValue: try row.value("predicted_value"),
                line: try row.value("line"),
                overOdds: try row.value("over_odds"), underOdds: try row.value("under_odds"),
                actual: players[playerID]?[market])
            graded.append(
                GradedPrediction(
                    gameID: gameID, playerID: playerID, market: market, system: try row.value("system"), gameDate: date,
                    recommendation: recommendation, predictedValue: input.predictedValue, line: input.line,
                    overProbability: try row.value("p_over"), edge: try row.value("edge"), grade: Grader.grade(input)))
        }
        let partition: [(column: String, value: SQLValue)] = [
            ("game_date", .text(date.description)), ("feature_version", .text(Feature.version)),
        ]
        let resultWrite = try await GradeStep.resultWriter.plan(
            partition: partition, with: graded.map(\.values), runID: context.runID, in: context.store)
        let daily = DailyPerformance.aggregate(graded)
        let summaryWrite = try await GradeStep.dailyWriter.plan(
            partition: partition, with: daily.map(\.values), runID: context.runID, in: context.store)
        let (results, summary) = (resultWrite.result, summaryWrite.result)
        try await context.commit { db in
            try await resultWrite.apply(on: db)
            try await summaryWrite.apply(on: db)
            return results.written + results.deleted + summary.written + summary.deleted
        }
        let outcomes = graded.filter { $0.system == "ensemble" }.map(\.grade.outcome)
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
