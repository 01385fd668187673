import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastGrading
import HoopcastPredictions

/// `hoopcast evaluate --from D1 --to D2 [--json] [--segments]`: accuracy, betting results and calibration per system
/// and market, against the market as the reference row.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Report graded predictions of a date range per system and market (accuracy vs the line, bets, calibration).",
        discussion: """
            Every number comes from predictions graded after their games, each made with data from before its \
            date (walk-forward). `line_mae` is the line's own error on the same rows as `model_mae_lined`: the bar \
            to beat. `by_edge` takes every calibrated lined prediction on its better side, so it shows what any \
            edge threshold would have done. The line is also a row of its own (its MAE; its vig-free P(over) \
            scored by Brier and log loss); each system's difference to it comes with a 95% bootstrap interval \
            (2000 resamples of dates, fixed seed), the hit rate with a Wilson interval, the ROI with a bootstrap \
            interval, and closing-line value against the same book's last pre-tip quote; each system's bets are \
            also staked by fractional Kelly shrunk by the probability's uncertainty, capped per bet and per date, \
            and the bankroll they make is reported (`bankrolls`, with the path date by date). `--segments` adds the \
            results by line bucket × expected-minutes tier to the text (the JSON always has them).
            """
    )

    @Option(help: "First date, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date, YYYY-MM-DD (inclusive).")
    var to: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Also print the results by line bucket × expected-minutes tier (text output).")
    var segments = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, last) = try DateRange.parse(from: from, to: to)
        let rows = try await storeOptions.withStore {
            try await EvaluationReader(db: $0.sql).rowsWithMarketContext(from: first, to: last)
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
            Terminal.out("\n" + EvaluateCommand.marketTable(report))
            Terminal.out("\n" + EvaluateCommand.betsTable(report))
            Terminal.out("\n" + EvaluateCommand.bankrollTable(report))
            if segments { Terminal.out("\n" + EvaluateCommand.segmentsTable(report)) }
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

    static func number(_ value: Double?, _ format: String = "%.2f") -> String {
        value.map { String(format: format, $0) } ?? "–"
    }

    /// `[low, high]`, marked `*` when the bootstrap resampled rows rather than dates.
    static func interval(_ value: Interval?, _ format: String = "%+.2f", scale: Double = 1) -> String {
        value.map {
            "[" + String(format: format, scale * $0.low) + ", " + String(format: format, scale * $0.high) + "]"
                + ($0.unit == "row" ? "*" : "")
        } ?? "–"
    }

    /// The line as a system of its own and every system against it on its lined rows.
    static func marketTable(_ report: EvaluationReport) -> String {
        var rows = [
            [
                "system", "market", "lined", "MAE", "line MAE", "ΔMAE", "95% CI", "scored", "Brier", "mkt Brier",
                "ΔBrier 95% CI", "log loss", "mkt log loss",
            ]
        ]
        for line in report.lineReference {
            rows.append([
                "line", line.market, "\(line.linedPredictions)", number(line.mae), number(line.mae), "", "",
                "\(line.scored)", number(line.brier, "%.4f"), number(line.brier, "%.4f"), "",
                number(line.logLoss, "%.4f"), number(line.logLoss, "%.4f"),
            ])
        }
        for result in report.results where result.linedPredictions > 0 {
            rows.append([
                result.system.rawValue, result.market, "\(result.linedPredictions)", number(result.modelMaeLined),
                number(result.lineMae), number(result.maeDifference, "%+.2f"), interval(result.maeDifferenceInterval),
                "\(result.scores.scored)", number(result.scores.brier, "%.4f"),
                number(result.scores.marketBrier, "%.4f"),
                interval(result.scores.brierDifferenceInterval, "%+.4f"), number(result.scores.logLoss, "%.4f"),
                number(result.scores.marketLogLoss, "%.4f"),
            ])
        }
        return "Against the market (Δ = system − line on the same lined rows; Brier and log loss on rows with both "
            + "prices, pushes left out; intervals: \(Int(report.intervals.level * 100))% bootstrap over dates, "
            + "\(report.intervals.resamples) resamples, seed \(report.intervals.seed); * over rows, when the rows "
            + "span fewer than \(report.intervals.minimumDates) dates)\n" + TextTable.render(rows)
    }

    /// Bets with their intervals and closing-line value.
    static func betsTable(_ report: EvaluationReport) -> String {
        var rows = [
            [
                "system", "market", "bets", "hit", "Wilson 95%", "ROI", "bootstrap 95%", "CLV n", "CLV line",
                "CLV p", "better-side CLV n", "CLV line", "CLV p",
            ]
        ]
        for result in report.results where result.linedPredictions > 0 {
            rows.append([
                result.system.rawValue, result.market, "\(result.bets)",
                number(result.hitRate.map { 100 * $0 }, "%.1f%%"), interval(result.hitRateInterval, "%.1f", scale: 100),
                number(result.roi.map { 100 * $0 }, "%+.1f%%"), interval(result.roiInterval, "%+.1f", scale: 100),
                "\(result.clv.bets)", number(result.clv.meanLine, "%+.3f"),
                number(result.clv.meanProbability.map { 100 * $0 }, "%+.2f%%"), "\(result.betterSideClv.bets)",
                number(result.betterSideClv.meanLine, "%+.3f"),
                number(result.betterSideClv.meanProbability.map { 100 * $0 }, "%+.2f%%"),
            ])
        }
        return "Bets (hit rate with a Wilson interval, ROI with a bootstrap one; CLV: the same book's last pre-tip "
            + "quote − the quote predicted against, line in stat units and vig-free probability of the side)\n"
            + TextTable.render(rows)
    }

    /// Lined rows by line bucket × expected-minutes tier.
    static func segmentsTable(_ report: EvaluationReport) -> String {
        var rows = [
            [
                "system", "market", "line", "minutes", "lined", "MAE", "line MAE", "Brier", "mkt Brier", "bets", "W-L",
                "ROI",
            ]
        ]
        for result in report.results {
            for segment in result.byLineAndMinutes {
                rows.append([
                    result.system.rawValue, result.market, segment.lineBucket, segment.minutesTier,
                    "\(segment.linedPredictions)", number(segment.mae), number(segment.lineMae),
                    number(segment.brier, "%.4f"), number(segment.marketBrier, "%.4f"), "\(segment.bets)",
                    "\(segment.wins)-\(segment.losses)", number(segment.roi.map { 100 * $0 }, "%+.1f%%"),
                ])
            }
        }
        return "By line bucket × expected minutes (minutes_last5_mean)\n" + TextTable.render(rows)
    }

    /// Each system's bankroll under the staking plan.
    static func bankrollTable(_ report: EvaluationReport) -> String {
        var rows = [["system", "staked bets", "staked", "start", "end", "ROI on stakes", "max drawdown", "dates"]]
        for entry in report.bankrolls {
            let bankroll = entry.bankroll
            rows.append([
                entry.system.rawValue, "\(bankroll.bets)", number(bankroll.staked), number(bankroll.start),
                number(bankroll.end), number(bankroll.roi.map { 100 * $0 }, "%+.1f%%"),
                number(100 * bankroll.maxDrawdown, "%.1f%%"), "\(bankroll.path.count)",
            ])
        }
        let plan = report.staking
        return "Bankroll (all markets; stake = \(plan.kellyFraction) × Kelly × e²/(e² + p(1−p)/\(Int(plan.evidence))), "
            + "at most \(number(100 * plan.betCap, "%.0f"))% per bet and \(number(100 * plan.slateCap, "%.0f"))% per "
            + "date of the bankroll at the start of the date)\n" + TextTable.render(rows)
    }
}
