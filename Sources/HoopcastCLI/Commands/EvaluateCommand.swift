import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastGrading
import HoopcastPredictions

/// `hoopcast evaluate --from D1 --to D2 [--json]`: accuracy, betting results and calibration per system and market.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Report graded predictions of a date range per system and market (accuracy vs the line, bets, calibration).",
        discussion: """
            Every number comes from predictions graded after their games, each made with data from before its \
            date (walk-forward). `line_mae` is the line's own error on the same rows as `model_mae_lined`: the bar \
            to beat. `by_edge` takes every calibrated lined prediction on its better side, so it shows what any \
            edge threshold would have done.
            """
    )

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date, YYYY-MM-DD (inclusive).")
    var to: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, last) = try DateRange.parse(from: from, to: to)
        let rows = try await storeOptions.withStore {
            try await EvaluationReader(db: $0.sql).rows(from: first, to: last)
        }
        guard !rows.isEmpty else {
            throw ValidationError(
                "no graded predictions between \(first) and \(last): run `hoopcast backfill` for those dates first")
        }
        let report = Evaluation.report(from: first, to: last, rows: rows)
        if json {
            Terminal.out(try JSONOutput.encode(report))
        } else {
            Terminal.out(EvaluateCommand.table(report))
        }
    }

    static func table(_ report: EvaluationReport) -> String {
        func number(_ value: Double?, _ format: String = "%.2f") -> String {
            value.map { String(format: format, $0) } ?? "–"
        }
        var rows = [["system", "market", "n", "MAE", "lined", "MAE lined", "line MAE", "bets", "W-L-P", "hit", "ROI"]]
        for result in report.results {
            rows.append([
                result.system.rawValue, result.market, "\(result.predictions)", number(result.mae),
                "\(result.linedPredictions)",
                number(result.modelMaeLined), number(result.lineMae), "\(result.bets)",
                "\(result.wins)-\(result.losses)-\(result.pushes)", number(result.hitRate.map { 100 * $0 }, "%.1f%%"),
                number(result.roi.map { 100 * $0 }, "%+.1f%%"),
            ])
        }
        return "Graded predictions \(report.from) → \(report.to)\n" + TextTable.render(rows)
    }
}
