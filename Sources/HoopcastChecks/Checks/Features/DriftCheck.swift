import Foundation
import HoopcastAnalytics
import HoopcastCore

/// `features.drift` (warn): the distribution of the main features of the date's gated rows, per market, against the
/// same features over the trailing ``windowDays`` days, by the population stability index (``PopulationStability``).
/// A shift above ``limit`` is recorded (a data problem — a unit change, a broken join — or a real change such as
/// the play-offs' shorter player list). Judged for a market with at least ``minimumReference`` reference rows and
/// ``minimumCurrent`` rows on the date: a slate of two or three games is a few teams' players, not a sample of the
/// league, and differs from a month of full slates without anything being wrong (on the bundled season, slates of
/// 50–80 rows gave PSIs up to 1.2 on nothing but their size).
public enum DriftCheck {
    /// The reference window, in days before the date.
    public static let windowDays = 30
    /// The largest population stability index that passes.
    public static let limit = 0.25
    /// Reference rows a market needs to be judged.
    public static let minimumReference = 500
    /// Rows of the date a market needs to be judged (about six games).
    public static let minimumCurrent = 150
    /// The four features compared (``DriftSample`` keeps them as a vector): the player's recent and season
    /// production, minutes and rate. (Team features such as the opponent's rating take one value per team, a dozen
    /// on a date: their distribution is a handful of points and shifts with the schedule, not with the data.)
    public static let features: [Feature] = [
        .statLast10Mean, .statSeasonMean, .minutesLast5Mean, .statPerMinuteSeason,
    ]

    public static let definition = CheckDefinition(
        name: "features.drift", severity: .warn, layer: .features,
        compares: "per market, the date's gated rows' stat last-10 and season means, minutes last-5 mean and season "
            + "stat per minute against the trailing 30 days' gated rows, by population stability index",
        threshold: "fails when a PSI exceeds 0.25 (judged with ≥ 500 reference and ≥ 150 current rows per market)")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> CheckResult {
        var reference: [Market: [SIMD4<Double>]] = [:]
        for sample in inputs.reference { reference[sample.market, default: []].append(sample.measures) }
        let current = Dictionary(grouping: inputs.rows.filter { $0.gate == .pass }, by: \.market)
        var failures: [FailingRow] = [], checked = 0, skipped: [String] = [], largest = 0.0
        for market in Market.allCases {
            let past = reference[market] ?? [], now = current[market] ?? []
            guard past.count >= minimumReference, now.count >= minimumCurrent else {
                skipped.append("\(market.rawValue) (\(now.count) rows, \(past.count) reference)")
                continue
            }
            for (index, feature) in features.enumerated() {
                let today = now.map { $0.values[feature] ?? 0 }, before = past.map { $0[index] }
                guard let psi = PopulationStability.index(current: today, reference: before) else { continue }
                checked += 1
                largest = max(largest, psi)
                if psi > limit {
                    failures.append(
                        FailingRow(
                            key: "\(market.rawValue)/\(feature.rawValue)",
                            values: [
                                "psi": String(format: "%.3f", psi), "rows": "\(now.count)",
                                "reference_rows": "\(past.count)", "mean": String(format: "%.3f", mean(today)),
                                "reference_mean": String(format: "%.3f", mean(before)),
                            ]))
                }
            }
        }
        var summary = "\(checked) market × feature distributions, largest PSI \(String(format: "%.3f", largest))"
        if !skipped.isEmpty { summary += "; too few rows to judge: " + skipped.joined(separator: ", ") }
        return .judged(definition, checked: checked, failures: failures, summary: summary)
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}
