import Foundation
import HoopcastCore
import Synchronization

/// The trained models on disk, and the walk-forward rule for choosing one.
///
/// Layout: `<directory>/<market>/<train-until YYYY-MM-DD>.json` (CatBoost JSON) with
/// `<same stem>.meta.json` (``ModelMetadata``, written by `training/train.py`); the residual models
/// (``ModelTarget/residual``) the same way under `<directory>/residual/`. Files directly in `<directory>` (a
/// README) and hidden files are ignored; anything else that does not fit the layout is an error, and so is a model
/// whose metadata names the other target.
///
/// Every model is read and validated when the registry is created (a few hundred milliseconds for ten models), so a
/// broken file fails loudly at start-up, naming the file, and ``model(for:on:)`` is a lookup.
///
///     let registry = try ModelRegistry(directory: URL(fileURLWithPath: "models"))
///     let model = try registry.model(for: .points, on: GameDate("2024-01-15")!)  // points@2023-10-01
public struct ModelRegistry: Sendable {
    /// The default models directory, relative to the repository root.
    public static let defaultDirectory = "models"

    /// The directory scanned.
    public let directory: URL
    /// Each target's models per market, sorted by train_until_exclusive, oldest first.
    private let models: [ModelTarget: [Market: [RegisteredModel]]]

    /// Scans `directory`, reading and validating every metadata and model file. A missing directory is an empty
    /// registry.
    public init(directory: URL) throws(ModelRegistryError) {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            models = [:]
            return
        }
        guard isDirectory.boolValue else {
            throw ModelRegistryError(.unreadableDirectory, path: directory.path, "is a file, not a models directory")
        }
        var folders: [(target: ModelTarget, market: Market, folder: URL)] = []
        for target in ModelTarget.allCases {
            let root = target.folder.map { directory.appendingPathComponent($0) } ?? directory
            guard target == .actual || FileManager.default.fileExists(atPath: root.path) else { continue }
            let reserved = Set(ModelTarget.allCases.compactMap(\.folder))
            for name in try ModelRegistry.list(root) where target != .actual || !reserved.contains(name) {
                let folder = root.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
                else {
                    continue  // a README or other note next to the market folders
                }
                guard let market = Market(rawValue: name) else {
                    let known = Market.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ModelRegistryError(
                        .unknownMarket, path: folder.path, "'\(name)' is not a market (\(known))")
                }
                folders.append((target, market, folder))
            }
        }
        // The market folders are parsed in parallel (parsing the JSON is most of a backfill's start-up); the first
        // folder's error in listing order is the one reported, as when they were read one after another.
        let results = Mutex([Result<[RegisteredModel], ModelRegistryError>?](repeating: nil, count: folders.count))
        let toRead = folders
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let result = Result { () throws(ModelRegistryError) in
                try ModelRegistry.load(
                    market: toRead[index].market, target: toRead[index].target, folder: toRead[index].folder)
            }
            results.withLock { $0[index] = result }
        }
        var models: [ModelTarget: [Market: [RegisteredModel]]] = [:]
        for (index, result) in results.withLock({ $0 }).enumerated() {
            models[folders[index].target, default: [:]][folders[index].market] = try result!.get()
                .sorted { $0.metadata.trainUntilExclusive < $1.metadata.trainUntilExclusive }
        }
        self.models = models
    }

    /// The metadata of every registered model, by target, market (catalogue order), then training cut-off.
    public var entries: [ModelMetadata] {
        ModelTarget.allCases.flatMap { target in
            Market.allCases.flatMap { models[target]?[$0, default: []].map(\.metadata) ?? [] }
        }
    }

    /// The newest model of `target` for `market` whose training rows all lie before `date`
    /// (`train_until_exclusive ≤ date`); nil when there is none. Never throws today: models are loaded by
    /// ``init(directory:)``.
    public func model(for market: Market, on date: GameDate, target: ModelTarget = .actual)
        throws(ModelRegistryError) -> RegisteredModel?
    {
        models[target]?[market]?.last { $0.metadata.trainUntilExclusive <= date }
    }

    /// ``model(for:on:target:)`` for every market that has one on `date`.
    public func models(on date: GameDate, target: ModelTarget = .actual) throws(ModelRegistryError)
        -> [Market: RegisteredModel]
    {
        var chosen: [Market: RegisteredModel] = [:]
        for market in Market.allCases {
            if let model = try model(for: market, on: date, target: target) { chosen[market] = model }
        }
        return chosen
    }

    /// Reads every model of one market folder.
    static func load(market: Market, target: ModelTarget, folder: URL) throws(ModelRegistryError) -> [RegisteredModel] {
        let names = try list(folder)
        let metaSuffix = ".meta.json"
        var loaded: [RegisteredModel] = []
        for name in names where name.hasSuffix(metaSuffix) {
            let stem = String(name.dropLast(metaSuffix.count))
            let metadataFile = folder.appendingPathComponent(name)
            let modelFile = folder.appendingPathComponent(stem + ".json")
            let metadata = try ModelMetadata(contentsOf: metadataFile)
            guard metadata.market == market else {
                throw ModelRegistryError(
                    .inconsistentMetadata, path: metadataFile.path,
                    "market '\(metadata.market.rawValue)' in the '\(market.rawValue)' folder")
            }
            guard metadata.target == target else {
                throw ModelRegistryError(
                    .inconsistentMetadata, path: metadataFile.path,
                    "target '\(metadata.target.rawValue)' in a folder of '\(target.rawValue)' models")
            }
            guard stem == metadata.trainUntilExclusive.description else {
                throw ModelRegistryError(
                    .inconsistentMetadata, path: metadataFile.path,
                    "train_until_exclusive \(metadata.trainUntilExclusive) does not match the file "
                        + "name (expected \(metadata.trainUntilExclusive)\(metaSuffix))")
            }
            guard metadata.trainedThrough < metadata.trainUntilExclusive,
                metadata.trainedFrom <= metadata.trainedThrough
            else {
                throw ModelRegistryError(
                    .inconsistentMetadata, path: metadataFile.path,
                    "training window \(metadata.trainedFrom)…\(metadata.trainedThrough) is not "
                        + "before train_until_exclusive \(metadata.trainUntilExclusive)")
            }
            guard names.contains(stem + ".json") else {
                throw ModelRegistryError(
                    .missingModel, path: metadataFile.path, "no model file \(stem).json next to it")
            }
            let model: CatBoostModel
            do {
                model = try CatBoostModel(contentsOf: modelFile)
            } catch {
                throw ModelRegistryError(.malformedModel, path: modelFile.path, error.description)
            }
            loaded.append(
                try RegisteredModel(
                    metadata: metadata, model: model, file: modelFile,
                    metadataFile: metadataFile))
        }
        for name in names where !name.hasSuffix(".json") {
            throw ModelRegistryError(
                .unexpectedFile, path: folder.appendingPathComponent(name).path,
                "not part of the layout <train-until>.json + <train-until>\(metaSuffix)")
        }
        for name in names where name.hasSuffix(".json") && !name.hasSuffix(metaSuffix) {
            let stem = String(name.dropLast(".json".count))
            guard names.contains(stem + metaSuffix) else {
                throw ModelRegistryError(
                    .missingMetadata, path: folder.appendingPathComponent(name).path,
                    "no metadata file \(stem)\(metaSuffix) next to it")
            }
        }
        return loaded
    }

    /// The visible entries of a directory, sorted.
    static func list(_ directory: URL) throws(ModelRegistryError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw ModelRegistryError(
                .unreadableDirectory, path: directory.path,
                "cannot list: \(error.localizedDescription)")
        }
    }
}
