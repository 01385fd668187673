extension Schema {
    /// The line is chosen once, by the feature step, and stored beside the features: the line, its book (or
    /// `consensus`), its prices and the snapshot it was taken from. The predict step reads it from here instead of
    /// choosing again from the raw quotes. Rows written before this migration get their line on their next run.
    static let featureLine = Migration(version: 20, name: "the chosen line beside the features") { _ in
        [
            "ALTER TABLE features_player_market ADD COLUMN line DOUBLE PRECISION CHECK (line >= 0)",
            "ALTER TABLE features_player_market ADD COLUMN line_book TEXT",
            "ALTER TABLE features_player_market ADD COLUMN line_over_odds DOUBLE PRECISION",
            "ALTER TABLE features_player_market ADD COLUMN line_under_odds DOUBLE PRECISION",
            "ALTER TABLE features_player_market ADD COLUMN line_snapshot_utc TEXT",
        ]
    }
}
