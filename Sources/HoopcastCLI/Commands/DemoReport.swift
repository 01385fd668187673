import HoopcastCore
import HoopcastStore
import SQLKit

/// Prints what the demo computed for its date, straight from the warehouse.
struct DemoReport: Sendable {
    let store: Store

    func print(date: GameDate) async throws {
        let rows = try await store.sql.raw("""
            SELECT c.game_id, c.team, c.opponent, c.is_home, c.rest_days, c.back_to_back, c.games_last_7_days,
                   c.spread, c.total
            FROM analytics_upcoming_context c WHERE c.game_date = \(bind: date.description)
            ORDER BY c.game_id, c.is_home DESC
            """).all()
        var table = [["game", "team", "vs", "rest", "b2b", "last 7d", "spread", "total"]]
        for row in rows {
            let rest = try row.value("rest_days", as: Int?.self)
            let spread = try row.value("spread", as: Double?.self), total = try row.value("total", as: Double?.self)
            table.append([
                try row.value("game_id"), try row.value("team"),
                (try row.value("is_home", as: Int.self) == 1 ? "vs " : "@ ") + (try row.value("opponent", as: String.self)),
                rest.map(String.init) ?? "-", try row.value("back_to_back", as: Int.self) == 1 ? "yes" : "",
                "\(try row.value("games_last_7_days", as: Int.self))",
                spread.map { String(format: "%+.1f", $0) } ?? "-", total.map { String(format: "%.1f", $0) } ?? "-",
            ])
        }
        Terminal.out("\nUpcoming-game context for \(date):")
        Terminal.out(TextTable.render(table))
        let counts = try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM analytics_player_games) AS players,
                   (SELECT COUNT(*) FROM analytics_team_games) AS teams
            """).first()
        if let counts {
            Terminal.out("Analytics: \(try counts.value("players", as: Int.self)) player-game and "
                + "\(try counts.value("teams", as: Int.self)) team-game summaries (games before \(date)).")
        }
    }
}
