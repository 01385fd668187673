import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Prints what the demo computed for its date, straight from the warehouse.
struct DemoReport: Sendable {
    let store: Store

    func print(date: GameDate) async throws {
        let rows = try await store.sql.raw(
            """
            SELECT c.game_id, c.team, c.opponent, c.is_home, c.rest_days, c.back_to_back, c.games_last_7_days,
                   c.spread, c.total
            FROM analytics_upcoming_context c WHERE c.game_date = \(bind: date.description)
            ORDER BY c.game_id, c.is_home DESC
            """
        ).all()
        var table = [["game", "team", "vs", "rest", "b2b", "last 7d", "spread", "total"]]
        for row in rows {
            let rest = try row.value("rest_days", as: Int?.self)
            let spread = try row.value("spread", as: Double?.self), total = try row.value("total", as: Double?.self)
            table.append([
                try row.value("game_id"), try row.value("team"),
                (try row.value("is_home", as: Int.self) == 1 ? "vs " : "@ ")
                    + (try row.value("opponent", as: String.self)),
                rest.map(String.init) ?? "-", try row.value("back_to_back", as: Int.self) == 1 ? "yes" : "",
                "\(try row.value("games_last_7_days", as: Int.self))",
                spread.map { String(format: "%+.1f", $0) } ?? "-", total.map { String(format: "%.1f", $0) } ?? "-",
            ])
        }
        Terminal.out("\nUpcoming-game context for \(date):")
        Terminal.out(TextTable.render(table))
        try await printPredictions(date: date)
        let counts = try await store.sql.raw(
            """
            SELECT (SELECT COUNT(*) FROM analytics_player_games) AS players,
                   (SELECT COUNT(*) FROM analytics_team_games) AS teams
            """
        ).first()
        if let counts {
            Terminal.out(
                "Analytics: \(try counts.value("players", as: Int.self)) player-game and "
                    + "\(try counts.value("teams", as: Int.self)) team-game summaries (games before \(date)).")
        }
    }

    /// The lined predictions of the date: the ensemble's number against the line, its recommendation and how it
    /// ended (the games have been played and graded).
    private func printPredictions(date: GameDate) async throws {
        let rows = try await store.sql.raw(
            """
            SELECT r.name, p.market, p.line, p.predicted_value, p.p_over, p.confidence, p.edge, p.recommendation,
                   g.actual, g.outcome
            FROM predictions_player_props p
            JOIN registry_players r ON r.player_id = p.player_id
            LEFT JOIN grading_prediction_results g ON g.game_id = p.game_id AND g.player_id = p.player_id
             AND g.market = p.market AND g.system = p.system AND g.feature_version = p.feature_version
            WHERE p.game_date = \(bind: date.description) AND p.system = 'ensemble' AND p.line IS NOT NULL
            ORDER BY CASE WHEN p.recommendation IN ('OVER', 'UNDER') THEN 0 ELSE 1 END, p.edge DESC, r.name
            """
        ).all()
        let counts = try await store.sql.raw(
            """
            SELECT recommendation, COUNT(*) AS n FROM predictions_player_props
            WHERE game_date = \(bind: date.description) AND system = 'ensemble' GROUP BY recommendation
            """
        ).all().reduce(into: [String: Int]()) { $0[try $1.value("recommendation")] = try $1.value("n") }
        Terminal.out(
            "\nPredictions for \(date) (ensemble): \(counts["OVER", default: 0]) OVER, \(counts["UNDER", default: 0]) UNDER, "
                + "\(counts["PASS", default: 0]) PASS, \(counts["NO_LINE", default: 0]) NO_LINE. Lined players, bets first:"
        )
        var table = [["player", "market", "line", "predicted", "P(over)", "conf.", "edge", "call", "actual", "result"]]
        func format(_ value: Double?, _ pattern: String = "%.1f") -> String {
            value.map { String(format: pattern, $0) } ?? "–"
        }
        for row in rows.prefix(12) {
            table.append([
                try row.value("name"), try row.value("market"), format(try row.value("line")),
                format(try row.value("predicted_value")), format(try row.value("p_over", as: Double?.self), "%.2f"),
                format(try row.value("confidence", as: Double?.self), "%.0f"),
                format(try row.value("edge", as: Double?.self), "%+.3f"), try row.value("recommendation"),
                format(try row.value("actual", as: Double?.self), "%.0f"),
                try row.value("outcome", as: String?.self) ?? "pending",
            ])
        }
        Terminal.out(TextTable.render(table))
    }
}
