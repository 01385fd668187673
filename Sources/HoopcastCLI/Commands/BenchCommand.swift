import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastStore

/// `hoopcast bench`: measures import and daily-run speed and memory on real data (figures go to BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: import a dataset into a fresh store, then time `run --date` cold and warm."
    )

    @Option(help: "Dataset directory to import (e.g. ../shared/data/nba or data/demo).")
    var data: String

    @Option(help: "Date for the run benchmark.")
    var date: String = "2024-01-15"

    @Option(help: "Warm runs to time.")
    var repeats = 5

    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD") }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hoopcast-bench-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: directory) }  // best-effort cleanup of a temp dir
        let location = StoreLocation.sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
        try await Store.withOpen(location) { store in try await measure(store: store, day: day) }
    }

    private func measure(store: Store, day: GameDate) async throws {
        var started = Date()
        let imported = try await ImportWorkflow(store: store, strict: false, showProgress: false)
            .run(directory: URL(fileURLWithPath: data))
        let importSeconds = Date().timeIntervalSince(started)
        let importRSS = BenchCommand.peakResidentMiB()
        let rows = imported.report.files.reduce(0) { $0 + $1.read }

        started = Date()
        let reimported = try await ImportWorkflow(store: store, strict: false, showProgress: false)
            .run(directory: URL(fileURLWithPath: data))
        let reimportSeconds = Date().timeIntervalSince(started)
        guard reimported.report.changedNothing else { throw ValidationError("re-import changed rows") }

        started = Date()
        let cold = try await RunWorkflow(store: store, registry: try predictionOptions.registry()).run(date: day)
        let coldSeconds = Date().timeIntervalSince(started)
        guard cold.succeeded else { throw ValidationError("run failed: \(cold.firstFailure?.error ?? "")") }
        var warm: [Double] = []
        for _ in 0..<max(1, repeats) {
            started = Date()
            let outcome = try await RunWorkflow(store: store, registry: try predictionOptions.registry()).run(date: day)
            warm.append(Date().timeIntervalSince(started))
            guard outcome.succeeded else { throw ValidationError("warm run failed") }
        }
        warm.sort()
        Terminal.out(
            TextTable.render([
                ["measure", "value"],
                ["dataset", data],
                ["rows read", "\(rows)"],
                ["import (fresh store), s", String(format: "%.2f", importSeconds)],
                ["peak RSS after import, MiB", String(format: "%.0f", importRSS)],
                ["re-import (nothing changes), s", String(format: "%.2f", reimportSeconds)],
                ["run --date \(day) cold (summarise all history), s", String(format: "%.2f", coldSeconds)],
                ["run --date \(day) warm, median of \(warm.count), s", String(format: "%.3f", warm[warm.count / 2])],
                ["peak RSS overall, MiB", String(format: "%.0f", BenchCommand.peakResidentMiB())],
                ["names resolved", imported.resolution.map { String(format: "%.2f%%", $0.rate * 100) } ?? "-"],
            ]))
    }

    /// The process's peak resident set size, MiB.
    static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }
}
