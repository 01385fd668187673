import HoopcastCore

extension Schema {
    /// Feature set v2 appends the availability features: one new `f_<name>` column each. Rows of v1 keep NULL there
    /// and are never read as v2 (every feature read is bound to ``Feature/version``).
    static let availabilityFeatures = Migration(version: 30, name: "availability feature columns") { _ in
        Feature.allCases.dropFirst(Feature.countByVersion["v1"]!).prefix(
            Feature.countByVersion["v2"]! - Feature.countByVersion["v1"]!
        ).map { "ALTER TABLE features_player_market ADD COLUMN \($0.column) DOUBLE PRECISION" }
    }
}
