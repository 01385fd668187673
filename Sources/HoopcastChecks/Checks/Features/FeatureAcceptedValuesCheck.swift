import HoopcastAnalytics
import HoopcastCore

/// `features.accepted_values` (error): every feature value is finite and within what its definition allows —
/// flags are 0 or 1, counts are whole and not negative, means, rates, ratings and shares are not negative, shares
/// at most 1 — the quality is in 0…1, and the stored line agrees with the line features (`has_line` is 1 exactly
/// when a line is stored, `line` equals it).
public enum FeatureAcceptedValuesCheck {
    public static let definition = CheckDefinition(
        name: "features.accepted_values", severity: .error, layer: .features,
        compares: "each feature against its accepted values (finite; flags 0/1; whole counts; non-negative means, "
            + "rates, ratings; shares ≤ 1), quality in 0…1, the stored line against has_line and line",
        threshold: "fails on any value outside its accepted set (one failing row per row, naming the features)")

    /// Features that are 0 or 1.
    static let flags: Set<Feature> = [.backToBack, .isHome, .hasLine, .isPlayoffs]
    /// Features that are whole numbers, not negative.
    static let counts: Set<Feature> = [
        .gamesPlayedSeason, .gamesLast7Days, .versusOpponentGames, .booksQuoting, .restDays, .opponentRestDays,
    ]
    /// Features that are shares (0…1).
    static let shares: Set<Feature> = [.threeAttemptRateSeason, .shotsShareLast10, .pointsShareLast10]
    /// Features that may be negative (differences, slopes, spreads, movements).
    static let signed: Set<Feature> = [
        .statTrend, .minutesTrend, .statPerMinuteChange, .spread, .lineMovement, .lineMinusLast10,
    ]

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        for row in inputs.rows {
            let problems = problems(row)
            if !problems.isEmpty {
                failures.append(
                    FailingRow(key: "\(row.gameID)/\(row.playerID)/\(row.market.rawValue)", values: problems))
            }
        }
        return .judged(
            definition, checked: inputs.rows.count, failures: failures,
            summary: "\(inputs.rows.count) rows × \(Feature.allCases.count) features, \(failures.count) rows with a "
                + "value outside its accepted set")
    }

    /// What a feature's values may be.
    enum Rule {
        case flag, count, share, signed, nonNegative

        /// Whether `value` is accepted (finite in every case).
        func accepts(_ value: Double) -> Bool {
            guard value.isFinite else { return false }
            switch self {
            case .flag: return value == 0 || value == 1
            case .count: return value >= 0 && value.rounded() == value
            case .share: return value >= 0 && value <= 1
            case .signed: return true
            case .nonNegative: return value >= 0
            }
        }
    }

    /// Every feature with its rule, decided once.
    static let rules: [(feature: Feature, rule: Rule)] = Feature.allCases.map { feature in
        if flags.contains(feature) { return (feature, .flag) }
        if counts.contains(feature) { return (feature, .count) }
        if shares.contains(feature) { return (feature, .share) }
        return (feature, signed.contains(feature) ? .signed : .nonNegative)
    }

    /// The features (and `quality`, `line`) of `row` outside their accepted values, by name.
    static func problems(_ row: StoredFeatureRow) -> [String: String] {
        var problems: [String: String] = [:]
        for (feature, rule) in rules {
            guard let value = row.values[feature] else {
                problems[feature.rawValue] = "missing"
                continue
            }
            if !rule.accepts(value) { problems[feature.rawValue] = "\(value)" }
        }
        if !(row.quality.isFinite && (0...1).contains(row.quality)) { problems["quality"] = "\(row.quality)" }
        let hasLine = row.values[.hasLine] == 1
        switch (row.line, hasLine) {
        case (nil, true): problems["line"] = "has_line = 1 without a stored line"
        case (let line?, false): problems["line"] = "\(line.line) stored with has_line = 0"
        case (let line?, true):
            if row.values[.line] != line.line {
                problems["line"] = "\(line.line) stored, feature \(row.values[.line] ?? 0)"
            }
            if !(line.line.isFinite && line.line >= 0) { problems["line"] = "\(line.line)" }
        case (nil, false): break
        }
        return problems
    }
}
