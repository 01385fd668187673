import ArgumentParser
import Foundation
import HoopcastAnalytics
import HoopcastModels

/// `--models DIR` (the CatBoost model registry the `catboost` system reads) and `--books` (the line policy).
struct PredictionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Model registry directory (default: $HOOPCAST_MODELS, else ./models or the repository's models/).",
            valueName: "dir"))
    var models: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure predictions against these books' lines, first quoting book wins (e.g. draftkings,fanduel); "
                + "default: the consensus (median across books).", valueName: "books"))
    var books: String?

    /// The line policy: the consensus, or the listed books in order of preference.
    func linePolicy() throws -> LinePolicy {
        guard let books else { return .consensus }
        let list = books.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--books must be a comma-separated list of book names (got '\(books)')")
        }
        return .preferred(list)
    }

    /// The registry chosen by flag, environment or lookup; a registry that cannot be found is an error, never a
    /// silent run without the catboost system.
    func registry() throws -> ModelRegistry {
        try PredictionOptions.registry(explicit: models)
    }

    static func registry(explicit: String?) throws -> ModelRegistry {
        if let explicit { return try ModelRegistry(directory: URL(fileURLWithPath: explicit, isDirectory: true)) }
        if let env = ProcessInfo.processInfo.environment["HOOPCAST_MODELS"], !env.isEmpty {
            return try ModelRegistry(directory: URL(fileURLWithPath: env, isDirectory: true))
        }
        let found = try BundledResources.locate(
            BundledResources.models, what: "the model registry",
            override: "--models DIR or set HOOPCAST_MODELS")
        return try ModelRegistry(directory: found)
    }
}
