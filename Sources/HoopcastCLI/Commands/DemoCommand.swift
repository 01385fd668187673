import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// `hoopcast demo`: imports the bundled real data into a fresh store and runs a real date.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Import the bundled real NBA data (2021-22 → 2023-24) into a fresh store, run the pipeline up to a date, "
            + "and show its predictions, their grades and an evaluation.",
        discussion: """
            Calibrated probabilities need graded history, so the demo backfills from --from to --date (each date \
            using only data from before it), then prints the date's context, its predictions with how they ended, \
            and the walk-forward evaluation of the whole run.
            """
    )

    @Option(help: "The store to (re)create (default sqlite:hoopcast-data/demo.sqlite).")
    var store: String = "sqlite:hoopcast-data/demo.sqlite"

    @Option(help: "The dataset directory (default: the repository's data/demo).")
    var data: String?

    @Option(help: "The date to show, YYYY-MM-DD.")
    var date: String = "2024-01-15"

    @OptionGroup var predictionOptions: PredictionOptions

    @Option(help: "The first date of the backfill that builds graded history, YYYY-MM-DD.")
    var from: String = "2023-12-01"

    func run() async throws {
        LoggingSetup.bootstrap()
        let (first, day) = try DateRange.parse(from: from, to: date)
        let location = try StoreLocation(parsing: store)
        let directory = try DemoData.locate(data)
        if case .sqlite(let path) = location {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        Terminal.out("Hoopcast demo: importing \(directory.path) into \(location) …")
        try await Store.withOpen(location) { warehouse in
            try await demo(warehouse: warehouse, location: location, directory: directory, first: first, day: day)
        }
    }

    private func demo(
        warehouse: Store, location: StoreLocation, directory: URL, first: GameDate,
        day: GameDate
    ) async throws {
        let imported = try await ImportWorkflow(store: warehouse, strict: false, showProgress: true).run(
            directory: directory)
        imported.printSummary()
        Terminal.out("\nRunning the daily pipeline for every date from \(first) to \(day), each as of its morning …")
        let backfill = try await Backfill(
            pipeline: try DailyPipeline.make(
                registry: try predictionOptions.registry(), linePolicy: try predictionOptions.linePolicy()),
            store: warehouse, calendar: RawReader(db: warehouse.sql)
        )
        .run(from: first, to: day, force: false) { BackfillCommand.show($0) }
        if Terminal.isInteractive { Terminal.err("\n") }
        for failure in backfill.failed { Terminal.out("  ✗ \(failure.date) \(failure.step): \(failure.error)") }
        guard backfill.failed.isEmpty else { throw ExitCode(1) }
        Terminal.out("\(backfill.ran.count) dates run.")
        try await DemoReport(store: warehouse).print(date: day)
        let rows = try await EvaluationReader(db: warehouse.sql).rows(from: first, to: day)
        let report = Evaluation.report(from: first, to: day, rows: rows)
        Terminal.out("\nWalk-forward evaluation \(first) → \(day) (hoopcast evaluate; line MAE is the bar to beat):")
        Terminal.out(EvaluateCommand.table(report).components(separatedBy: "\n").dropFirst().joined(separator: "\n"))
        let path: String
        if case .sqlite(let file) = location { path = file } else { path = "\(location)" }
        Terminal.out(
            """

            Where to look:
              sqlite3 \(path) "SELECT * FROM predictions_player_props WHERE game_date = '\(day)' AND recommendation <> 'NO_LINE'"
              hoopcast evaluate --from \(first) --to \(day) --store \(location)
              hoopcast export --date \(day) --out exports/\(day) --store \(location)
              sqlite3 \(path) "SELECT step, status, rows_written, error FROM ops_step_executions"
              hoopcast registry unresolved --store \(location)
            """)
        if imported.report.hasRejections {
            // The bundled data is real, warts included: a rejected row is the import doing its job, not a failure.
            Terminal.out(
                "\nNote: \(imported.report.issues.count) real row(s) were rejected as impossible values "
                    + "(listed above) and kept in raw_import_quarantine; `hoopcast import` exits 1 in that case.")
        }
    }
}

/// Finds the bundled demo dataset.
enum DemoData {
    static func locate(_ explicit: String?) throws -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        return try BundledResources.locate(BundledResources.demoData, what: "the demo data", override: "--data DIR")
    }
}
