import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastGrading
import HoopcastPredictions

/// `hoopcast tune --from D1 --to D2`: the edge threshold on a development window.
struct TuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Show what each edge threshold would have done on a development window, and the best one.",
        discussion: """
            Run it on development dates only (Hoopcast's threshold was chosen on 2023-10-24 → 2023-12-31 and is \
            reported on later dates); choosing a threshold on the dates you then report is leakage. The best \
            threshold maximises the ensemble's ROI among thresholds with at least \(ThresholdTuning.minimumBets) bets.
            """
    )

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date, YYYY-MM-DD (inclusive).")
    var to: String

    @Option(
        help:
            "The system whose ROI chooses the threshold (\(SystemName.allCases.map(\.rawValue).joined(separator: ", ")))."
    )
    var system = SystemName.ensemble

    @Flag(help: "Print the table as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, last) = try DateRange.parse(from: from, to: to)
        let rows = try await storeOptions.withStore {
            try await EvaluationReader(db: $0.sql).rows(from: first, to: last)
        }
        let table = ThresholdTuning.table(rows)
        guard table.contains(where: { $0.bets > 0 }) else {
            throw ValidationError("no calibrated lined predictions between \(first) and \(last): nothing to tune on")
        }
        let best = ThresholdTuning.best(table, system: system)
        if json {
            struct Output: Encodable {
                var from: String, to: String, system: SystemName, best: Double?, table: [ThresholdTuning.Row]
            }
            Terminal.out(
                try JSONOutput.encode(
                    Output(
                        from: first.description, to: last.description, system: system,
                        best: best?.threshold, table: table)))
            return
        }
        var lines = [["system", "threshold", "bets", "wins", "hit", "ROI"]]
        for row in table {
            lines.append([
                row.system.rawValue, String(format: "%.2f", row.threshold), "\(row.bets)", "\(row.wins)",
                row.hitRate.map { String(format: "%.1f%%", 100 * $0) } ?? "–",
                row.roi.map { String(format: "%+.1f%%", 100 * $0) } ?? "–",
            ])
        }
        Terminal.out(TextTable.render(lines))
        Terminal.out(
            best.map { "best for \(system): \(String(format: "%.2f", $0.threshold)) (\($0.bets) bets)" }
                ?? "no threshold has \(ThresholdTuning.minimumBets) bets for \(system) on this window")
    }
}

extension SystemName: ExpressibleByArgument {}
