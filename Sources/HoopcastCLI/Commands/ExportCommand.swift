import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastPublishing

/// `hoopcast export --date D --out DIR`: the date's predictions, best bets, graded results and performance as JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a date's predictions, best bets, graded results and system performance as JSON files.",
        discussion:
            "Each file is described by a JSON Schema in schemas/ (predictions, best_bets, results, performance)."
    )

    @Option(help: "The date, YYYY-MM-DD.")
    var date: String

    @Option(help: "Output directory (created when missing).")
    var out: String

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD (got \(date))") }
        let export = try await storeOptions.withStore { try await DateExporter(db: $0.sql).export(date: day) }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try OutputWriteError.attempt(directory.path, what: "output directory") {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let files = try export.files()
        for (name, json) in files {
            let file = directory.appendingPathComponent(name)
            try OutputWriteError.attempt(file.path, what: "file") {
                try (json + "\n").write(to: file, atomically: true, encoding: .utf8)
            }
        }
        Terminal.out("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)")
    }
}
