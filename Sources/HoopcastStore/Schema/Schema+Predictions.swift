extension Schema {
    /// Feature store (phase 4): one row per (player, game, market, feature version).
    static let featuresLayer = Migration(version: 4, name: "features layer") { _ in
        [
            """
            CREATE TABLE features_player_market (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                features TEXT NOT NULL,
                quality DOUBLE PRECISION NOT NULL CHECK (quality BETWEEN 0 AND 1),
                gate TEXT NOT NULL CHECK (gate IN ('pass', 'skip')),
                skip_reason TEXT,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id, market, feature_version))
            """,
            "CREATE INDEX features_player_market_date ON features_player_market (game_date)",
        ]
    }

    /// Predictions: one row per (game, player, market, system, feature version); re-runs replace.
    static let predictionsLayer = Migration(version: 5, name: "predictions layer") { _ in
        [
            """
            CREATE TABLE predictions_player_props (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                system TEXT NOT NULL,
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                predicted_value DOUBLE PRECISION NOT NULL CHECK (predicted_value >= 0),
                p_over DOUBLE PRECISION CHECK (p_over BETWEEN 0 AND 1),
                confidence DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 100),
                line DOUBLE PRECISION CHECK (line >= 0),
                line_book TEXT,
                over_odds DOUBLE PRECISION,
                under_odds DOUBLE PRECISION,
                edge DOUBLE PRECISION,
                recommendation TEXT NOT NULL CHECK (recommendation IN (\(recommendations))),
                run_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id, market, system, feature_version),
                CHECK (recommendation <> 'NO_LINE' OR line IS NULL),
                CHECK (recommendation = 'NO_LINE' OR line IS NOT NULL))
            """,
            "CREATE INDEX predictions_player_props_date ON predictions_player_props (game_date, system)",
        ]
    }

    /// Grading: one graded row per prediction, and daily performance per system and market.
    static let gradingLayer = Migration(version: 6, name: "grading layer") { _ in
        [
            """
            CREATE TABLE grading_prediction_results (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                system TEXT NOT NULL,
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                actual DOUBLE PRECISION CHECK (actual >= 0),
                absolute_error DOUBLE PRECISION CHECK (absolute_error >= 0),
                outcome TEXT NOT NULL CHECK (outcome IN ('win', 'loss', 'push', 'void', 'no_bet')),
                profit_units DOUBLE PRECISION,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id, market, system, feature_version))
            """,
            "CREATE INDEX grading_prediction_results_date ON grading_prediction_results (game_date, system)",
            """
            CREATE TABLE grading_system_daily (
                game_date TEXT NOT NULL,
                system TEXT NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                predictions INTEGER NOT NULL CHECK (predictions >= 0),
                mae DOUBLE PRECISION CHECK (mae >= 0),
                bets INTEGER NOT NULL CHECK (bets >= 0),
                wins INTEGER NOT NULL CHECK (wins >= 0),
                losses INTEGER NOT NULL CHECK (losses >= 0),
                pushes INTEGER NOT NULL CHECK (pushes >= 0),
                profit_units DOUBLE PRECISION NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_date, system, market))
            """,
        ]
    }
}
