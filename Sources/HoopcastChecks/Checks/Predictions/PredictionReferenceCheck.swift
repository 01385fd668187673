import HoopcastAnalytics
import HoopcastCore
import HoopcastPredictions

/// `predictions.references` (error): every prediction rests on a feature row of the date that passed the gate, and
/// is measured against exactly that row's chosen line (line, book and prices: the line is decided once); every
/// gated row is predicted by every system that predicted the date (a system that needs a line: every gated row with
/// one in a market it predicted). (The feature row's own game and player are `features.references`.)
public enum PredictionReferenceCheck {
    public static let definition = CheckDefinition(
        name: "predictions.references", severity: .error, layer: .predictions,
        compares: "prediction → feature row of the date passing the gate, with the same line, book and prices; gated "
            + "row → a prediction from each system of the date",
        threshold: "fails on any prediction without its gated row or with another line, and any gated row a system "
            + "left out")

    /// The verdict on `inputs`.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> CheckResult {
        let rows = Dictionary(
            inputs.featureLines.map { (RowKey(gameID: $0.gameID, playerID: $0.playerID, market: $0.market), $0) },
            uniquingKeysWith: { first, _ in first })
        let keys = inputs.keys
        let systems = Set(keys.map(\.system))
        var marketSystems: [Market: Set<SystemName>] = [:]
        for key in keys where key.system.needsLine { marketSystems[key.row.market, default: []].insert(key.system) }
        // The systems that predicted each row, as a bit set (one bit per case of SystemName).
        let bit = Dictionary(uniqueKeysWithValues: SystemName.allCases.enumerated().map { ($1, 1 << $0) })
        var predicted: [RowKey: Int] = [:], failures: [FailingRow] = []
        predicted.reserveCapacity(rows.count)
        // The lined predictions first: their keys lead `keys`, so the index of a key is its prediction's.
        for (index, key) in keys.enumerated() {
            predicted[key.row, default: 0] |= bit[key.system] ?? 0
            guard let row = rows[key.row] else {
                failures.append(FailingRow(key: key.text, values: ["found": "no feature row"]))
                continue
            }
            if row.gate != .pass {
                failures.append(
                    FailingRow(key: key.text, values: ["found": "its feature row was skipped by the gate"]))
                continue
            }
            let line = index < inputs.lined.count ? inputs.lined[index].line : nil
            let unlinedLine = index < inputs.lined.count ? nil : inputs.unlined[index - inputs.lined.count].line
            if line?.line ?? unlinedLine != row.line || line?.book != row.book || line?.overOdds != row.overOdds
                || line?.underOdds != row.underOdds
            {
                failures.append(
                    FailingRow(
                        key: key.text,
                        values: [
                            "prediction_line": describe(
                                line?.line ?? unlinedLine, line?.book, line?.overOdds, line?.underOdds),
                            "feature_line": describe(row.line, row.book, row.overOdds, row.underOdds),
                        ]))
            }
        }
        let gated = inputs.featureLines.filter { $0.gate == .pass }
        for row in gated where !systems.isEmpty {
            let key = RowKey(gameID: row.gameID, playerID: row.playerID, market: row.market)
            let seen = predicted[key] ?? 0
            let expected = systems.filter { system in
                !system.needsLine || (row.line != nil && marketSystems[row.market]?.contains(system) == true)
            }
            let missing = expected.filter { seen & (bit[$0] ?? 0) == 0 }
            if !missing.isEmpty {
                failures.append(
                    FailingRow(
                        key: key.text,
                        values: ["missing_systems": missing.map(\.rawValue).sorted().joined(separator: ",")]))
            }
        }
        let checked = keys.count + gated.count
        return .judged(
            definition, checked: checked, failures: failures,
            summary: "\(keys.count) predictions of \(systems.count) systems over \(gated.count) gated rows, "
                + "\(failures.count) not matching")
    }

    static func describe(_ line: Double?, _ book: String?, _ over: Double?, _ under: Double?) -> String {
        guard let line else { return "none" }
        return "\(line) \(book ?? "–") \(over.map { "\($0)" } ?? "–")/\(under.map { "\($0)" } ?? "–")"
    }
}
