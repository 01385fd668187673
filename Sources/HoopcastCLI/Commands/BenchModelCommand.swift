import ArgumentParser
import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastModels

/// `hoopcast bench-model`: the Swift CatBoost evaluator's throughput against catboost's own `predict`, one thread
/// each, on the same rows (figures go to BENCHMARKS.md).
struct BenchModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-model",
        abstract: "Benchmark: Swift CatBoost evaluator vs catboost's predict (one thread each) on a feature export."
    )

    @Option(help: "A registry model file (<models>/<market>/<date>.json, with its .meta.json).")
    var model: String

    @Option(help: "A `hoopcast features export` CSV; the rows of the model's market are predicted.")
    var csv: String

    @Option(help: "Timed passes over all rows (the best is reported).")
    var repeats = 5

    @Option(help: "Python interpreter with catboost installed.")
    var python = "python3"

    @Option(help: "The catboost timing script.")
    var script = "training/bench_predict.py"

    @Option(help: "Also time loading this model registry directory.")
    var models: String?

    func run() async throws {
        let modelFile = URL(fileURLWithPath: model)
        let metadataFile = modelFile.deletingPathExtension().appendingPathExtension("meta.json")
        let metadata = try ModelMetadata(contentsOf: metadataFile)
        let registered = try RegisteredModel(
            metadata: metadata, model: try CatBoostModel(contentsOf: modelFile),
            file: modelFile, metadataFile: metadataFile)
        let rows = try BenchModelCommand.rows(of: metadata.market, in: URL(fileURLWithPath: csv))
        guard !rows.isEmpty else { throw ValidationError("\(csv) has no rows for \(metadata.market.rawValue)") }

        var best = Double.infinity, bestBatch = Double.infinity
        var swiftPredictions: [Double] = [], batchPredictions: [Double] = []
        let stride = rows[0].count, flat = rows.flatMap { $0 }
        for _ in 0..<max(1, repeats) {
            var started = ContinuousClock.now
            swiftPredictions = rows.map { registered.model.predict($0) }
            best = min(best, (ContinuousClock.now - started) / .seconds(1))
            started = ContinuousClock.now
            batchPredictions = registered.model.predict(rows: flat, stride: stride)
            bestBatch = min(bestBatch, (ContinuousClock.now - started) / .seconds(1))
        }
        guard batchPredictions == swiftPredictions else {
            throw ValidationError("the batch evaluator disagrees with the row-by-row evaluator")
        }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hoopcast-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }  // best effort: a temp dir
        let predictionsFile = scratch.appendingPathComponent("catboost.txt")
        let child = ChildProcess(
            executable: python,
            arguments: [
                script, "--model", modelFile.path, "--csv", csv, "--market", metadata.market.rawValue,
                "--repeats", "\(max(1, repeats))", "--predictions", predictionsFile.path,
            ])
        let result = try await child.run(timeout: .seconds(1800))
        guard result.status == 0 else {
            throw ValidationError(
                "`\(child.description)` failed (status \(result.status)):\n"
                    + ChildProcess.tail(result.standardError))
        }
        let catboost = try JSONDecoder().decode(CatBoostTiming.self, from: Data(result.standardOutput.utf8))
        let theirs = try String(contentsOf: predictionsFile, encoding: .utf8).split(separator: "\n").map { Double($0) }
        guard theirs.count == swiftPredictions.count, theirs.allSatisfy({ $0 != nil }) else {
            throw ValidationError("catboost returned \(theirs.count) predictions for \(swiftPredictions.count) rows")
        }
        let worst = zip(swiftPredictions, theirs).map { abs($0 - $1!) }.max() ?? 0

        var table = [
            ["measure", "value"],
            ["model", "\(registered.id) (\(registered.model.treeCount) trees, depth \(metadata.parameters.depth))"],
            ["rows (\(metadata.market.rawValue))", "\(rows.count)"],
            [
                "Swift evaluator, one row per call, rows/s (best of \(max(1, repeats)))",
                String(format: "%.0f", Double(rows.count) / best),
            ],
            [
                "Swift evaluator, all rows per call (quantised), rows/s",
                String(format: "%.0f", Double(rows.count) / bestBatch),
            ],
            ["catboost predict, all rows per call, rows/s", String(format: "%.0f", catboost.batchRowsPerSecond)],
            [
                "catboost predict, one row per call, rows/s (\(catboost.singleRows) rows)",
                String(format: "%.0f", catboost.singleRowsPerSecond),
            ],
            ["largest |Swift − catboost|", String(format: "%.2e", worst)],
        ]
        if let models {
            let started = ContinuousClock.now
            let registry = try ModelRegistry(directory: URL(fileURLWithPath: models))
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            table.append([
                "load registry \(models) (\(registry.entries.count) models), s", String(format: "%.2f", seconds),
            ])
        }
        Terminal.out(TextTable.render(table))
    }

    /// catboost's timings, as `bench_predict.py` prints them.
    struct CatBoostTiming: Decodable {
        let rows: Int
        let batchRowsPerSecond: Double
        let singleRows: Int
        let singleRowsPerSecond: Double
        enum CodingKeys: String, CodingKey {
            case rows, batchRowsPerSecond = "batch_rows_per_second", singleRows = "single_rows"
            case singleRowsPerSecond = "single_rows_per_second"
        }
    }

    /// The feature values of every row of `market` in a features export, in catalogue order.
    static func rows(of market: Market, in url: URL) throws -> [[Double]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n")[...]
        guard let header = lines.popFirst(), header.split(separator: ",").map(String.init) == FeatureExporter.header
        else { throw ValidationError("\(url.path): not a `hoopcast features export` file (header differs)") }
        let first = 6, count = Feature.allCases.count
        var rows: [[Double]] = []
        for (index, line) in zip(2..., lines) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == first + count + 1 else {
                throw ValidationError("\(url.path):\(index): \(fields.count) fields, expected \(first + count + 1)")
            }
            guard fields[3] == market.rawValue else { continue }
            rows.append(
                try fields[first..<(first + count)].map { field in
                    guard let value = Double(field) else {
                        throw ValidationError("\(url.path):\(index): '\(field)' is not a number")
                    }
                    return value
                })
        }
        return rows
    }
}
