import HoopcastCore
import HoopcastIngest

/// `raw.prop_placeholders` (warn): prop quotes that look like placeholders rather than offers — a line of 0 or one
/// that is not a multiple of half a point, a sportsbook quote with no price on either side, or a two-way market
/// priced plus money on both sides (no book offers a market without a margin). They are flagged, not dropped: the
/// line choice decides what to use.
public enum PropPlaceholderCheck {
    public static let definition = CheckDefinition(
        name: "raw.prop_placeholders", severity: .warn, layer: .raw,
        compares: "each prop quote's line and prices against the shape of a real offer",
        threshold: "fails for a line of 0 or not a multiple of 0.5, a sportsbook quote without prices, or both "
            + "prices ≥ +100")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var failures: [FailingRow] = []
        for quote in inputs.propQuotes {
            var reasons: [String] = []
            if quote.line == 0 { reasons.append("line of 0") }
            if quote.line.isFinite, (quote.line * 2).rounded() != quote.line * 2 { reasons.append("not a half point") }
            if quote.bookType == .sportsbook, quote.overOdds == nil, quote.underOdds == nil {
                reasons.append("no price")
            }
            if let over = quote.overOdds, let under = quote.underOdds, over >= 100, under >= 100 {
                reasons.append("no margin")
            }
            guard !reasons.isEmpty else { continue }
            failures.append(
                FailingRow(
                    key: "\(quote.book)/\(quote.market.rawValue)/\(quote.playerName)/\(quote.snapshotUTC)",
                    values: [
                        "line": "\(quote.line)", "over_odds": quote.overOdds.map { "\($0)" } ?? "–",
                        "under_odds": quote.underOdds.map { "\($0)" } ?? "–",
                        "why": reasons.joined(separator: ", "),
                    ]))
        }
        return .judged(
            definition, checked: inputs.propQuotes.count, failures: failures,
            summary: "\(inputs.propQuotes.count) prop quotes, \(failures.count) placeholders")
    }
}
