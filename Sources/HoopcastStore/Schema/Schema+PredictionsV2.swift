extension Schema {
    /// The prediction and grading tables in their working shape. Migrations 5–6 created them before any code wrote
    /// to them; this migration replaces them (they are empty in every store created by earlier versions) with:
    /// content hashes (re-runs leave unchanged rows alone), the predicted spread, raw and calibrated P(over), a
    /// nullable confidence (NULL when no calibrated win probability exists: NO_LINE, or too little graded history),
    /// the model that produced a prediction, and the graded line and recommendation.
    static let predictionsV2 = Migration(version: 11, name: "predictions and grading, working shape") { _ in
        [
            "DROP TABLE predictions_player_props",
            """
            CREATE TABLE predictions_player_props (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                system TEXT NOT NULL,
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                predicted_value DOUBLE PRECISION NOT NULL CHECK (predicted_value >= 0),
                standard_deviation DOUBLE PRECISION NOT NULL CHECK (standard_deviation > 0),
                p_over_raw DOUBLE PRECISION CHECK (p_over_raw BETWEEN 0 AND 1),
                p_over DOUBLE PRECISION CHECK (p_over BETWEEN 0 AND 1),
                confidence DOUBLE PRECISION CHECK (confidence BETWEEN 0 AND 100),
                line DOUBLE PRECISION CHECK (line >= 0),
                line_book TEXT,
                over_odds DOUBLE PRECISION,
                under_odds DOUBLE PRECISION,
                edge DOUBLE PRECISION CHECK (edge BETWEEN -1 AND 1),
                recommendation TEXT NOT NULL CHECK (recommendation IN (\(recommendations))),
                model TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id, market, system, feature_version),
                CHECK ((recommendation = 'NO_LINE') = (line IS NULL)),
                CHECK (recommendation = 'NO_LINE' OR p_over_raw IS NOT NULL),
                CHECK (recommendation NOT IN ('OVER', 'UNDER') OR (confidence IS NOT NULL AND edge IS NOT NULL)))
            """,
            "CREATE INDEX predictions_player_props_date ON predictions_player_props (game_date, system)",
            "DROP TABLE grading_prediction_results",
            """
            CREATE TABLE grading_prediction_results (
                game_id TEXT NOT NULL,
                player_id INTEGER NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                system TEXT NOT NULL,
                feature_version TEXT NOT NULL,
                game_date TEXT NOT NULL,
                recommendation TEXT NOT NULL CHECK (recommendation IN (\(recommendations))),
                predicted_value DOUBLE PRECISION NOT NULL CHECK (predicted_value >= 0),
                line DOUBLE PRECISION CHECK (line >= 0),
                p_over DOUBLE PRECISION CHECK (p_over BETWEEN 0 AND 1),
                edge DOUBLE PRECISION,
                actual DOUBLE PRECISION CHECK (actual >= 0),
                absolute_error DOUBLE PRECISION CHECK (absolute_error >= 0),
                outcome TEXT NOT NULL CHECK (outcome IN ('win', 'loss', 'push', 'void', 'no_bet')),
                profit_units DOUBLE PRECISION,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_id, player_id, market, system, feature_version),
                CHECK ((actual IS NULL) = (absolute_error IS NULL)),
                CHECK (outcome <> 'no_bet' OR profit_units IS NULL))
            """,
            "CREATE INDEX grading_prediction_results_date ON grading_prediction_results (game_date, system)",
            "DROP TABLE grading_system_daily",
            """
            CREATE TABLE grading_system_daily (
                game_date TEXT NOT NULL,
                system TEXT NOT NULL,
                market TEXT NOT NULL CHECK (market IN (\(markets))),
                feature_version TEXT NOT NULL,
                predictions INTEGER NOT NULL CHECK (predictions >= 0),
                graded INTEGER NOT NULL CHECK (graded >= 0),
                mae DOUBLE PRECISION CHECK (mae >= 0),
                lined INTEGER NOT NULL CHECK (lined >= 0),
                line_mae DOUBLE PRECISION CHECK (line_mae >= 0),
                model_mae_lined DOUBLE PRECISION CHECK (model_mae_lined >= 0),
                bets INTEGER NOT NULL CHECK (bets >= 0),
                wins INTEGER NOT NULL CHECK (wins >= 0),
                losses INTEGER NOT NULL CHECK (losses >= 0),
                pushes INTEGER NOT NULL CHECK (pushes >= 0),
                profit_units DOUBLE PRECISION NOT NULL,
                content_hash TEXT NOT NULL,
                run_id TEXT NOT NULL,
                PRIMARY KEY (game_date, system, market, feature_version),
                CHECK (wins + losses + pushes <= bets))
            """,
        ]
    }
}
