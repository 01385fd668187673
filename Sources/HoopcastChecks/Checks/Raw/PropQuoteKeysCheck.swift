import HoopcastCore
import HoopcastIngest

/// `raw.prop_quote_keys` (warn): a resolved player is quoted by one book, in one market and snapshot, under one
/// name. Two names resolving to the same player (`Jabari Smith` and `Jabari Smith Jr`) with their own prices are
/// the same quote posted twice; the line choice keeps one quote per book, so the date is usable, but the feed
/// duplicated a player. (Several lines under one name at one snapshot are alternates, which are legitimate.)
public enum PropQuoteKeysCheck {
    public static let definition = CheckDefinition(
        name: "raw.prop_quote_keys", severity: .warn, layer: .raw,
        compares: "resolved prop quotes per (player, market, book, snapshot): the names they were printed under",
        threshold: "fails when one key is quoted under more than one name")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: RawCheckInputs) -> CheckResult {
        var names: [String: Set<String>] = [:], lines: [String: Set<Double>] = [:]
        for quote in inputs.propQuotes {
            guard let player = quote.playerID else { continue }
            let key = "\(player)/\(quote.market.rawValue)/\(quote.book)/\(quote.snapshotUTC)"
            names[key, default: []].insert(quote.playerName)
            lines[key, default: []].insert(quote.line)
        }
        let failures = names.filter { $0.value.count > 1 }.map { key, printed in
            FailingRow(
                key: key,
                values: [
                    "names": printed.sorted().joined(separator: " | "),
                    "lines": (lines[key] ?? []).sorted().map { "\($0)" }.joined(separator: ","),
                ])
        }
        return .judged(
            definition, checked: names.count, failures: failures,
            summary: "\(names.count) resolved quote keys, \(failures.count) under more than one name")
    }
}
