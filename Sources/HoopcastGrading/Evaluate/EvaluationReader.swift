import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads the graded predictions of a date range as the evaluation sees them (one query, through ``GradeReader``).
public struct EvaluationReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader.
    public init(db: any SQLDatabase) { self.db = db }

    /// Every graded prediction dated in [from, to], in (date, game, player, market, system) order.
    public func rows(from: GameDate, to: GameDate) async throws -> [EvaluatedPrediction] {
        try await GradeReader(db: db).results(from: from, to: to).map { graded in
            EvaluatedPrediction(
                system: graded.system, market: graded.market, recommendation: graded.recommendation,
                predictedValue: graded.predictedValue, actual: graded.grade.actual, line: graded.line,
                overOdds: graded.overOdds, underOdds: graded.underOdds, rawOverProbability: graded.rawOverProbability,
                overProbability: graded.overProbability, edge: graded.edge, profitUnits: graded.grade.profitUnits)
        }
    }
}
