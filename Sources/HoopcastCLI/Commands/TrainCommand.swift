import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastModels

/// `hoopcast train --from D1 --to D2 --train-until D`: CatBoost models per market into the model registry.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the CatBoost model of each market on the feature store and add it to the model registry.",
        discussion: """
            Builds features for --from…--to (a resumable backfill), exports them, runs training/train.py once per \
            market (fitting only on rows before --train-until) and writes <models>/<market>/<train-until>.json with \
            its .meta.json. The registry serves a model on --train-until and later dates only. Needs Python 3 with \
            `pip install -r training/requirements.txt`.
            """
    )

    @Option(help: "First date of features, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last date of features, YYYY-MM-DD (inclusive); rows from --train-until on measure the test error.")
    var to: String

    @Option(help: "First date NOT used for fitting, YYYY-MM-DD; names the model files.")
    var trainUntil: String

    @Option(
        help: "Comma-separated markets (default: all of \(Market.allCases.map(\.rawValue).joined(separator: ","))).")
    var markets: String?

    @Option(
        help: """
            What the models predict: actual (the stat, the catboost system) or residual (actual − line on the rows \
            with a real line, the catboost_residual system; installed under <models>/residual).
            """)
    var target = "actual"

    @Option(help: "Model registry directory.")
    var models = ModelRegistry.defaultDirectory

    @Option(help: "Python interpreter with catboost installed.")
    var python = "python3"

    @Option(help: "The training script.")
    var script = "training/train.py"

    @Option(help: "CatBoost iterations (train.py's default when omitted).")
    var iterations: Int?

    @Option(help: "Tree depth (train.py's default when omitted).")
    var depth: Int?

    @Option(help: "Learning rate (train.py's default when omitted).")
    var learningRate: Double?

    @Option(help: "Time limit per market, seconds.")
    var timeout = 3600

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let configuration = try parsedConfiguration()
        let outcome = try await storeOptions.withStore { store in
            var workflow = TrainWorkflow(store: store)
            workflow.report = { Terminal.err($0 + "\n") }
            workflow.backfillProgress = { BackfillCommand.show($0) }
            return try await workflow.run(configuration)
        }
        if Terminal.isInteractive { Terminal.err("\n") }
        Terminal.out(outcome.table)
        Terminal.out(
            "models written to \(configuration.modelsDirectory.path) (catboost \(outcome.catboostVersion), "
                + "\(outcome.exportedRows) feature rows exported)")
    }

    /// The options as a workflow configuration.
    func parsedConfiguration() throws -> TrainWorkflow.Configuration {
        let (first, last) = try DateRange.parse(from: from, to: to)
        guard let cutoff = GameDate(trainUntil), cutoff > first else {
            throw ValidationError("--train-until must be a YYYY-MM-DD date after --from, got '\(trainUntil)'")
        }
        guard iterations.map({ $0 > 0 }) ?? true, depth.map({ (1...16).contains($0) }) ?? true,
            learningRate.map({ $0 > 0 && $0 <= 1 }) ?? true, timeout > 0
        else {
            throw ValidationError(
                "--iterations and --timeout must be positive, --depth 1…16, --learning-rate in (0, 1]")
        }
        guard let modelTarget = ModelTarget(rawValue: target) else {
            throw ValidationError("--target must be actual or residual, got '\(target)'")
        }
        var chosen = Market.allCases
        if let markets {
            chosen = try markets.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let market = Market(rawValue: trimmed) else {
                    throw ValidationError(
                        "--markets: '\(trimmed)' is not one of "
                            + Market.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return market
            }
            guard !chosen.isEmpty else { throw ValidationError("--markets lists no market") }
        }
        return TrainWorkflow.Configuration(
            from: first, to: last, trainUntil: cutoff, markets: chosen, target: modelTarget,
            modelsDirectory: URL(fileURLWithPath: models), python: python, script: URL(fileURLWithPath: script),
            iterations: iterations, depth: depth, learningRate: learningRate, timeout: .seconds(timeout))
    }
}
