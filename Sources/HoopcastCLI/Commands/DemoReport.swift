import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// Prints what the demo computed for its date, through the layers' typed readers.
struct DemoReport: Sendable {
    let store: Store

    func print(date: GameDate) async throws {
        var table = [["game", "team", "vs", "rest", "b2b", "last 7d", "spread", "total"]]
        for context in try await AnalyticsReader(db: store.sql).contexts(on: date) {
            table.append([
                context.gameID, context.team.description,
                (context.isHome ? "vs " : "@ ") + context.opponent.description,
                context.restDays.map(String.init) ?? "-", context.backToBack ? "yes" : "",
                "\(context.gamesLast7Days)",
                context.spread.map { String(format: "%+.1f", $0) } ?? "-",
                context.total.map { String(format: "%.1f", $0) } ?? "-",
            ])
        }
        Terminal.out("\nUpcoming-game context for \(date):")
        Terminal.out(TextTable.render(table))
        try await printPredictions(date: date)
        let counts = try await AnalyticsReader(db: store.sql).summaryCounts()
        Terminal.out(
            "Analytics: \(counts.playerGames) player-game and \(counts.teamGames) team-game summaries "
                + "(games before \(date)).")
    }

    /// The lined predictions of the date: the ensemble's number against the line, its recommendation and how it
    /// ended (the games have been played and graded).
    private func printPredictions(date: GameDate) async throws {
        let ensemble = try await PredictionReader(db: store.sql).rows(on: date).filter {
            $0.system == PredictionEngine.ensembleName
        }
        var grades: [String: GradedPrediction] = [:]
        for graded in try await GradeReader(db: store.sql).results(from: date, to: date)
        where graded.system == PredictionEngine.ensembleName {
            grades["\(graded.gameID)/\(graded.playerID)/\(graded.market.rawValue)"] = graded
        }
        let names = try await RegistryReader(db: store.sql).names(of: Set(ensemble.map(\.playerID)))
        var counts: [Recommendation: Int] = [:]
        for prediction in ensemble { counts[prediction.recommendation, default: 0] += 1 }
        Terminal.out(
            "\nPredictions for \(date) (ensemble): \(counts[.over, default: 0]) OVER, \(counts[.under, default: 0]) "
                + "UNDER, \(counts[.pass, default: 0]) PASS, \(counts[.noLine, default: 0]) NO_LINE. "
                + "Lined players, bets first:")
        let lined = ensemble.filter { $0.line != nil && names[$0.playerID] != nil }.sorted { a, b in
            let (aBet, bBet) = (a.recommendation.isBet, b.recommendation.isBet)
            if aBet != bBet { return aBet }
            if (a.edge ?? -.infinity) != (b.edge ?? -.infinity) {
                return (a.edge ?? -.infinity) > (b.edge ?? -.infinity)
            }
            return names[a.playerID]! < names[b.playerID]!
        }
        var table = [["player", "market", "line", "predicted", "P(over)", "conf.", "edge", "call", "actual", "result"]]
        func format(_ value: Double?, _ pattern: String = "%.1f") -> String {
            value.map { String(format: pattern, $0) } ?? "–"
        }
        for prediction in lined.prefix(12) {
            let graded = grades["\(prediction.gameID)/\(prediction.playerID)/\(prediction.market.rawValue)"]
            table.append([
                names[prediction.playerID]!, prediction.market.rawValue, format(prediction.line?.line),
                format(prediction.predictedValue), format(prediction.overProbability, "%.2f"),
                format(prediction.confidence, "%.0f"), format(prediction.edge, "%+.3f"),
                prediction.recommendation.rawValue, format(graded?.grade.actual, "%.0f"),
                graded?.grade.outcome.rawValue ?? "pending",
            ])
        }
        Terminal.out(TextTable.render(table))
    }
}
