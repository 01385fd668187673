import HoopcastCore

/// The warehouse schema, one migration per layer. Table names carry their layer as a prefix
/// (`raw_`, `registry_`, `analytics_`, `features_`, `predictions_`, `grading_`, `ops_`).
enum Schema {
    /// An auto-increment primary key column for the dialect.
    static func idColumn(_ dialect: Store.Dialect) -> String {
        switch dialect {
        case .sqlite: return "id INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: return "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// `'a', 'b', …` for a CHECK constraint over a closed set of constants (never input values).
    static func list<T: RawRepresentable>(_ cases: some Sequence<T>) -> String where T.RawValue == String {
        cases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    static let markets = list(Market.allCases)
    static let propMarkets = list(PropMarket.allCases)
    static let seasonTypes = list(SeasonType.allCases)
    static let recommendations = list(Recommendation.allCases)
}
