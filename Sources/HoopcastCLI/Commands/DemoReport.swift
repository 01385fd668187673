import Foundation
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
        try await printLinedFeatures(date: date)
        let counts = try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM analytics_player_games) AS players,
                   (SELECT COUNT(*) FROM analytics_team_games) AS teams
            """).first()
        if let counts {
            Terminal.out("Analytics: \(try counts.value("players", as: Int.self)) player-game and "
                + "\(try counts.value("teams", as: Int.self)) team-game summaries (games before \(date)).")
        }
    }

    /// A few players with a points+rebounds+assists line that day: the line against their recent form.
    private func printLinedFeatures(date: GameDate) async throws {
        let rows = try await store.sql.raw("""
            SELECT f.player_id, p.name, f.features FROM features_player_market f
            JOIN registry_players p ON p.player_id = f.player_id
            WHERE f.game_date = \(bind: date.description) AND f.market = 'points_rebounds_assists' AND f.gate = 'pass'
            ORDER BY f.player_id
            """).all()
        var lined: [(name: String, values: [String: Double])] = []
        for row in rows {
            let json = try row.value("features", as: String.self)
            guard let values = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Double] else {
                throw StoreError(.decodingFailed, "features_player_market.features is not a JSON object of numbers")
            }
            if values["has_line"] == 1 { lined.append((try row.value("name", as: String.self), values)) }
        }
        guard !lined.isEmpty else { return }
        lined.sort { ($0.values["line"] ?? 0) > ($1.values["line"] ?? 0) }
        var table = [["player", "PRA line", "books", "last 5", "last 10", "season", "vs opp. allowed"]]
        for item in lined.prefix(8) {
            func format(_ key: String, _ pattern: String = "%.1f") -> String {
                String(format: pattern, item.values[key] ?? 0)
            }
            table.append([item.name, format("line"), format("books_quoting", "%.0f"), format("stat_last5_mean"),
                          format("stat_last10_mean"), format("stat_season_mean"),
                          format("opponent_allowed_vs_league", "%.2f")])
        }
        Terminal.out("\nFeature store: \(lined.count) players with a points+rebounds+assists line on \(date) (top 8 by line):")
        Terminal.out(TextTable.render(table))
    }
}
