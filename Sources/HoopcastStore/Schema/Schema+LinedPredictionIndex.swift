extension Schema {
    /// The calibration evidence a date reads — its predictions *with a line* of the last few days, joined to their
    /// grades — through a partial index of lined predictions by date. Through the date index the read visited every
    /// prediction of those days (~20,000, nine in ten without a line): 18 ms → 5 ms a date on SQLite, on the
    /// predict → grade chain that a backfill runs date after date.
    static let linedPredictionIndex = Migration(version: 17, name: "partial index of lined predictions") { _ in
        [
            "CREATE INDEX predictions_player_props_lined ON predictions_player_props (game_date) WHERE p_over_raw IS NOT NULL"
        ]
    }
}
