import HoopcastCore

extension Schema {
    /// The queue of games whose box scores changed is written by the import in the transaction of the raw rows and
    /// read by the summaries step through the raw layer's reader: it belongs to the raw layer and is named so.
    static let rawChangedGames = Migration(version: 22, name: "the changed-games queue belongs to the raw layer") { _ in
        ["ALTER TABLE analytics_pending_games RENAME TO raw_changed_games"]
    }

    /// Features are real columns, one `f_<name>` per ``Feature``, instead of a JSON text: read back bit for bit,
    /// selectable one by one (history reads, drift checks), with no encoder or parser of our own. Stored rows are
    /// converted by the database's own JSON functions; the next run of a date rewrites its rows from the computed
    /// values in any case (their content hashes change with the representation).
    static let featureColumns = Migration(version: 23, name: "features as columns") { dialect in
        let features = Feature.allCases.prefix(Feature.countByVersion["v1"]!)
        let add: [String] = features.map {
            "ALTER TABLE features_player_market ADD COLUMN \($0.column) DOUBLE PRECISION"
        }
        let assignments = features.map { feature -> String in
            switch dialect {
            case .sqlite:
                return "\(feature.column) = features ->> '\(feature.rawValue)'"
            case .postgres:
                return "\(feature.column) = (features::jsonb ->> '\(feature.rawValue)')::double precision"
            }
        }.joined(separator: ", ")
        return add + [
            "UPDATE features_player_market SET \(assignments)",
            "ALTER TABLE features_player_market DROP COLUMN features",
        ]
    }

    /// A graded prediction carries the prices and raw probability it was made with, so that calibration and
    /// evaluation read the grading layer alone instead of joining the predictions table.
    static let gradedPrices = Migration(version: 24, name: "graded predictions carry their prices") { _ in
        let match = """
            p.game_id = grading_prediction_results.game_id AND p.player_id = grading_prediction_results.player_id
            AND p.market = grading_prediction_results.market AND p.system = grading_prediction_results.system
            AND p.feature_version = grading_prediction_results.feature_version
            """
        return ["p_over_raw", "over_odds", "under_odds"].flatMap { column in
            [
                "ALTER TABLE grading_prediction_results ADD COLUMN \(column) DOUBLE PRECISION",
                """
                UPDATE grading_prediction_results
                SET \(column) = (SELECT p.\(column) FROM predictions_player_props p WHERE \(match))
                """,
            ]
        }
    }
}

extension Feature {
    /// The feature's column in `features_player_market` (`f_` and the feature's name).
    public var column: String { "f_\(rawValue)" }

    /// Every feature with its column, in ``allCases`` order: built once, for readers that decode every feature of
    /// every row (a column name built per value was a string allocation per value).
    public static let allColumns: [(feature: Feature, column: String)] = allCases.map { ($0, $0.column) }
}
