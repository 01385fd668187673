import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastModels
import HoopcastStore

/// `hoopcast train`'s work: features for the range (a resumable backfill), one CSV export, `training/train.py` once
/// per market, and the resulting models moved into the registry layout `<models>/<market>/<train-until>.json`
/// (`<models>/residual/<market>/…` for residual models).
///
/// Walk-forward: `train.py` fits only on rows dated before ``Configuration/trainUntil`` and measures its test error
/// on the exported rows from that date on, and the registry serves the model only from that date on.
struct TrainWorkflow: Sendable {
    /// What to train.
    struct Configuration: Sendable {
        /// First date of features (inclusive).
        var from: GameDate
        /// Last date of features (inclusive); rows from ``trainUntil`` to here are the test rows.
        var to: GameDate
        /// The first date not used for fitting; also the models' file name.
        var trainUntil: GameDate
        /// Markets to train, one model each.
        var markets: [Market] = Market.allCases
        /// What the models predict: the stat, or actual − line on the rows with a real line.
        var target: ModelTarget = .actual
        /// The registry directory.
        var modelsDirectory: URL
        /// The Python interpreter (a path or a name on `PATH`).
        var python = "python3"
        /// `training/train.py`.
        var script: URL
        /// CatBoost iterations (`train.py`'s default when nil).
        var iterations: Int?
        /// Tree depth (`train.py`'s default when nil).
        var depth: Int?
        /// Learning rate (`train.py`'s default when nil).
        var learningRate: Double?
        /// Time limit for each `train.py` run.
        var timeout: Duration = .seconds(3600)
    }

    /// One trained model, as installed in the registry.
    struct Trained: Sendable {
        /// Its metadata (rows, error, window).
        let metadata: ModelMetadata
        /// The model file in the registry.
        let file: URL
        /// Size of the model file, bytes.
        let bytes: Int
        /// Seconds `train.py` took.
        let seconds: Double
    }

    /// What a training run did.
    struct Outcome: Sendable {
        /// Dates the backfill ran and skipped.
        let backfill: Backfill.Outcome
        /// Feature rows exported (all markets).
        let exportedRows: Int
        /// The catboost version that trained.
        let catboostVersion: String
        /// The models, in market order.
        let models: [Trained]

        /// market, id, train rows, test rows, train MAE, test MAE, size, seconds.
        var table: String {
            var rows = [["market", "model", "train rows", "test rows", "train MAE", "test MAE", "size KiB", "fit s"]]
            for model in models {
                let meta = model.metadata
                rows.append([
                    meta.market.rawValue, meta.id, "\(meta.trainRows)", "\(meta.testRows)",
                    String(format: "%.3f", meta.trainMAE), meta.testMAE.map { String(format: "%.3f", $0) } ?? "-",
                    String(format: "%.0f", Double(model.bytes) / 1024), String(format: "%.1f", model.seconds),
                ])
            }
            return TextTable.render(rows)
        }
    }

    /// The warehouse (features are built and read here).
    let store: Store
    /// Receives one line per stage (for the terminal).
    var report: @Sendable (String) -> Void = { _ in }
    /// Receives the backfill's per-date progress.
    var backfillProgress: @Sendable (Backfill.Progress) -> Void = { _ in }

    /// Runs everything; a failure of any market stops the run (models already installed stay).
    func run(_ configuration: Configuration) async throws -> Outcome {
        let version = try await TrainWorkflow.checkPython(configuration.python)
        guard FileManager.default.isReadableFile(atPath: configuration.script.path) else {
            throw TrainError(
                .scriptNotFound,
                "\(configuration.script.path) not found: run from the repository root "
                    + "or pass --script PATH/training/train.py")
        }
        report("catboost \(version) via \(configuration.python); features \(configuration.from)…\(configuration.to)")

        let backfill = try await Backfill(
            pipeline: try TrainWorkflow.featurePipeline(), store: store, calendar: RawReader(db: store.sql)
        )
        .run(
            from: configuration.from, to: configuration.to, force: false, runIDPrefix: "train",
            progress: backfillProgress)
        guard backfill.failed.isEmpty else {
            let dates = backfill.failed.prefix(5).map { "\($0.date) \($0.step): \($0.error)" }.joined(separator: "; ")
            throw TrainError(
                .backfillFailed,
                "the feature backfill failed on \(backfill.failed.count) dates "
                    + "(\(dates)); fix them (`hoopcast run --date D`) before training")
        }
        report("backfill: \(backfill.ran.count) dates run, \(backfill.skipped.count) already done")

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hoopcast-train-\(UUID().uuidString)")
        try TrainWorkflow.fileOperation("create \(scratch.path)") {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }  // best effort: a temp dir
        let csv = scratch.appendingPathComponent("features.csv")
        let exported = try await FeatureExporter(store: store).export(
            from: configuration.from, to: configuration.to,
            to: csv)
        guard exported > 0 else {
            throw TrainError(
                .noFeatureRows,
                "no feature rows between \(configuration.from) and \(configuration.to): "
                    + "import box scores for that range first")
        }
        report("exported \(exported) feature rows")

        var trained: [Trained] = []
        for (index, market) in configuration.markets.enumerated() {
            report("training \(market.rawValue) (\(index + 1)/\(configuration.markets.count))…")
            let staged = try await train(market: market, csv: csv, scratch: scratch, configuration)
            trained.append(try install(staged, configuration))
        }
        do {
            _ = try ModelRegistry(directory: configuration.modelsDirectory)  // the directory as a whole still loads
        } catch {
            throw TrainError(.invalidOutput, "the models directory does not load after training: \(error)")
        }
        return Outcome(backfill: backfill, exportedRows: exported, catboostVersion: version, models: trained)
    }

    /// The steps that build features (the daily pipeline without predictions, which may need the models trained here).
    static func featurePipeline() throws -> Pipeline {
        try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep()])
    }

    /// Runs `train.py` for one market into `scratch/<market>/`; returns the staged model, validated.
    private func train(
        market: Market, csv: URL, scratch: URL,
        _ configuration: Configuration
    ) async throws -> (model: RegisteredModel, seconds: Double) {
        let stem = configuration.trainUntil.description
        let out = scratch.appendingPathComponent(market.rawValue).appendingPathComponent(stem + ".json")
        var arguments = [
            configuration.script.path, "--csv", csv.path, "--market", market.rawValue,
            "--train-until", stem, "--out", out.path, "--feature-version", Feature.version,
            "--target", configuration.target.rawValue,
        ]
        if let iterations = configuration.iterations { arguments += ["--iterations", "\(iterations)"] }
        if let depth = configuration.depth { arguments += ["--depth", "\(depth)"] }
        if let rate = configuration.learningRate { arguments += ["--learning-rate", "\(rate)"] }
        let child = ChildProcess(executable: configuration.python, arguments: arguments, workingDirectory: scratch)
        let result: ChildProcess.Result
        do {
            result = try await child.run(timeout: configuration.timeout)
        } catch {
            throw TrainError(.trainingFailed, "training \(market.rawValue) failed: \(error)")
        }
        guard result.status == 0 else {
            throw TrainError(
                .trainingFailed,
                "training \(market.rawValue) failed: `\(child.description)` exited with "
                    + "status \(result.status):\n\(ChildProcess.tail(result.standardError))")
        }
        let metadataFile = out.deletingPathExtension().appendingPathExtension("meta.json")
        do {
            let metadata = try ModelMetadata(contentsOf: metadataFile)
            let model = try CatBoostModel(contentsOf: out)
            let registered = try RegisteredModel(
                metadata: metadata, model: model, file: out, metadataFile: metadataFile)
            guard metadata.market == market, metadata.trainUntilExclusive == configuration.trainUntil,
                metadata.target == configuration.target
            else {
                throw TrainError(
                    .invalidOutput,
                    "\(metadataFile.path): written for \(metadata.id), expected "
                        + "\(market.rawValue)@\(stem)")
            }
            return (registered, result.seconds)
        } catch let error as TrainError {
            throw error
        } catch {
            throw TrainError(.invalidOutput, "train.py wrote an unusable model for \(market.rawValue): \(error)")
        }
    }

    /// Moves a staged model and its metadata into `<models>/[residual/]<market>/`, replacing a model of the same
    /// cut-off.
    private func install(
        _ staged: (model: RegisteredModel, seconds: Double),
        _ configuration: Configuration
    ) throws -> Trained {
        let metadata = staged.model.metadata
        let root = metadata.target.folder.map { configuration.modelsDirectory.appendingPathComponent($0) }
        let folder = (root ?? configuration.modelsDirectory).appendingPathComponent(metadata.market.rawValue)
        let stem = metadata.trainUntilExclusive.description
        let source = staged.model.file, target = folder.appendingPathComponent(stem + ".json")
        let sourceMeta = source.deletingPathExtension().appendingPathExtension("meta.json")
        let targetMeta = folder.appendingPathComponent(stem + ".meta.json")
        let manager = FileManager.default
        try TrainWorkflow.fileOperation("install \(metadata.id) into \(folder.path)") {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for existing in [target, targetMeta] where manager.fileExists(atPath: existing.path) {
                try manager.removeItem(at: existing)
            }
            try manager.moveItem(at: source, to: target)
            try manager.moveItem(at: sourceMeta, to: targetMeta)
        }
        let bytes = try TrainWorkflow.fileOperation("read the size of \(target.path)") {
            (try manager.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        }
        return Trained(metadata: metadata, file: target, bytes: bytes, seconds: staged.seconds)
    }

    /// Checks that `python` runs and imports catboost, numpy and pandas; returns catboost's version.
    static func checkPython(_ python: String) async throws -> String {
        let child = ChildProcess(
            executable: python,
            arguments: [
                "-c", "import catboost, numpy, pandas; print(catboost.__version__)",
            ])
        let result: ChildProcess.Result
        do {
            result = try await child.run(timeout: .seconds(120))
        } catch let error where error.code == .notFound {
            throw TrainError(
                .pythonUnavailable,
                "\(error.detail): install Python 3, then `\(TrainError.installHint)`, or pass "
                    + "--python PATH")
        } catch {
            throw TrainError(.pythonUnavailable, "cannot run \(python): \(error)")
        }
        guard result.status == 0 else {
            let stderr = ChildProcess.tail(result.standardError, lines: 5)
            if stderr.contains("No module named") {
                throw TrainError(
                    .catboostMissing, "\(python) lacks a training package: `\(TrainError.installHint)`\n\(stderr)")
            }
            throw TrainError(
                .pythonUnavailable, "`\(child.description)` exited with status \(result.status):\n\(stderr)")
        }
        return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a file-system operation, turning its error into a ``TrainError`` that says what was being done.
    static func fileOperation<T>(_ what: String, _ body: () throws -> T) throws(TrainError) -> T {
        do {
            return try body()
        } catch {
            throw TrainError(.fileSystem, "cannot \(what): \(error.localizedDescription)")
        }
    }
}
