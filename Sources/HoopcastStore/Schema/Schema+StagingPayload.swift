extension Schema {
    /// A staged batch carries its rows in `ops_staging_batches.payload` (``StagedRowsCodec``) instead of one row each
    /// in `predictions_player_props_staging`: staging a date took ~130 ms of binding, parsing and index upkeep on
    /// SQLite's one connection (7,000 rows × 21 values), a payload takes one bind. Batches staged before this
    /// migration keep a NULL payload; merging one fails with a message asking to re-run the date.
    static let stagingPayload = Migration(version: 16, name: "staged batches as one payload") { dialect in
        [
            "ALTER TABLE ops_staging_batches ADD COLUMN payload \(dialect == .postgres ? "BYTEA" : "BLOB")",
            "DROP TABLE predictions_player_props_staging",
        ]
    }
}
