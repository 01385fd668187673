import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// Analytics values checked against values computed by hand (Python over the fixture CSV) from real box scores.
struct AnalyticsTests {
    /// Imports the fixture and runs the daily pipeline for 2024-01-16.
    static func storeRunFor(_ date: GameDate) async throws -> (Store, PipelineRunner.DateOutcome) {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        let runner = PipelineRunner(pipeline: try Pipeline([GameSummariesStep(), UpcomingContextStep()]), store: store)
        let outcome = try await runner.run(date: date, runID: RunLog.newRunID(prefix: "test"))
        return (store, outcome)
    }

    @Test func teamSummaryOfPhiladelphiaHoustonMatchesHandComputation() async throws {
        let (store, outcome) = try await Self.storeRunFor(GameDate("2024-01-16")!)
        #expect(outcome.succeeded)
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT pts, opp_pts, possessions, pace, offensive_rating, defensive_rating, minutes
                FROM analytics_team_games WHERE game_id = '0022300555' AND team = 'HOU'
                """
            ).first())
        // HOU 115 at PHI 124, 2024-01-15. HOU: FGA 88, FGM 44, FTA 32, ORB 16, DRB 30, TOV 13;
        // PHI: FGA 83, FGM 40, FTA 34, ORB 8, DRB 33, TOV 10.
        // HOU side: 88 + 12.8 − 1.07·(16/49)·44 + 13 = 98.4273…; PHI side: 83 + 13.6 − 1.07·(8/38)·43 + 10 = 96.9133…
        // possessions = ½ (98.4273 + 96.9133) = 97.67031149301826.
        #expect(try row.decode(column: "pts", as: Int.self) == 115)
        #expect(try row.decode(column: "opp_pts", as: Int.self) == 124)
        #expect(abs(try row.decode(column: "possessions", as: Double.self) - 97.67031149301826) < 1e-9)
        #expect(abs(try row.decode(column: "offensive_rating", as: Double.self) - 117.74304621545157) < 1e-9)
        #expect(abs(try row.decode(column: "defensive_rating", as: Double.self) - 126.9577193975304) < 1e-9)
        #expect(abs(try row.decode(column: "pace", as: Double.self) - 97.67031149301826) < 1e-6)  // 240 minutes
    }

    @Test func playerSummaryOfEmbiidMatchesHandComputation() async throws {
        let (store, _) = try await Self.storeRunFor(GameDate("2024-01-16")!)
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT pra, pts_per_min, three_attempt_rate, free_throw_rate, true_shooting, team_points_share,
                       team_shots_share
                FROM analytics_player_games WHERE game_id = '0022300555' AND player_id = 203954
                """
            ).first())
        // 41 pts, 10 reb, 3 ast in 31.2667 min; FGA 21, 3PA 5, FTA 17; PHI scored 124 on 83 FGA.
        #expect(try row.decode(column: "pra", as: Int.self) == 54)
        #expect(abs(try row.decode(column: "pts_per_min", as: Double.self) - 1.3113006396588487) < 1e-12)
        #expect(abs(try row.decode(column: "three_attempt_rate", as: Double.self) - 5.0 / 21.0) < 1e-12)
        #expect(abs(try row.decode(column: "free_throw_rate", as: Double.self) - 17.0 / 21.0) < 1e-12)
        // 41/(2·28.48)
        #expect(abs(try row.decode(column: "true_shooting", as: Double.self) - 0.7198033707865168) < 1e-12)
        #expect(abs(try row.decode(column: "team_points_share", as: Double.self) - 41.0 / 124.0) < 1e-12)
        #expect(abs(try row.decode(column: "team_shots_share", as: Double.self) - 21.0 / 83.0) < 1e-12)
    }

    @Test func upcomingContextOfPhiladelphiaDenver() async throws {
        let (store, _) = try await Self.storeRunFor(GameDate("2024-01-16")!)
        let rows = try await store.sql.raw(
            """
            SELECT team, opponent, is_home, rest_days, back_to_back, games_last_7_days, spread, total, season_type
            FROM analytics_upcoming_context WHERE game_id = '0022300566' ORDER BY is_home DESC
            """
        ).all()
        #expect(rows.count == 2)
        // PHI played 01-10, 01-12, 01-15 → back-to-back, 0 rest days, 3 games in 01-09..01-15; home spread −1.5.
        let phi = rows[0], den = rows[1]
        #expect(try phi.decode(column: "team", as: String.self) == "PHI")
        #expect(try phi.decode(column: "rest_days", as: Int.self) == 0)
        #expect(try phi.decode(column: "back_to_back", as: Int.self) == 1)
        #expect(try phi.decode(column: "games_last_7_days", as: Int.self) == 3)
        #expect(try phi.decode(column: "spread", as: Double.self) == -1.5)
        #expect(try phi.decode(column: "total", as: Double.self) == 232.5)
        // DEN last played 01-14 → 1 rest day; +1.5 from its side.
        #expect(try den.decode(column: "rest_days", as: Int.self) == 1)
        #expect(try den.decode(column: "back_to_back", as: Int.self) == 0)
        #expect(try den.decode(column: "games_last_7_days", as: Int.self) == 3)
        #expect(try den.decode(column: "spread", as: Double.self) == 1.5)
        #expect(try den.decode(column: "season_type", as: String.self) == "regular_season")
        let count = try await store.sql.raw(
            """
            SELECT COUNT(*) AS n FROM analytics_upcoming_context WHERE game_date = '2024-01-16'
            """
        ).first()
        #expect(try count?.decode(column: "n", as: Int.self) == 2 * 3)  // 3 games that night
    }

    @Test func summariesCoverExactlyTheGamesBeforeTheDate() async throws {
        let (store, _) = try await Self.storeRunFor(GameDate("2024-01-16")!)
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT (SELECT COUNT(*) FROM analytics_player_games) AS summarised,
                       (SELECT COUNT(*) FROM raw_player_boxscores WHERE game_date < '2024-01-16') AS before,
                       (SELECT MAX(game_date) FROM analytics_player_games) AS latest
                """
            ).first())
        #expect(try row.decode(column: "summarised", as: Int.self) == row.decode(column: "before", as: Int.self))
        #expect(try row.decode(column: "latest", as: String.self) == "2024-01-15")
    }
}
