import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// The registry picks, per market, the newest model trained only on data before the date, and refuses files it
/// cannot use, naming them.
struct ModelRegistryTests {
    private func day(_ text: String) -> GameDate { GameDate(text)! }

    private func id(_ registry: ModelRegistry, _ market: Market, _ date: String) throws -> String? {
        try registry.model(for: market, on: day(date))?.id
    }

    @Test func missingDirectoryIsAnEmptyRegistry() throws {
        let registry = try ModelRegistry(directory: ModelFixtures.temporaryDirectory())
        #expect(registry.entries.isEmpty)
        #expect(try id(registry, .points, "2024-01-15") == nil)
    }

    @Test func selectionIsWalkForwardNewestEligiblePerMarket() throws {
        let directory = try ModelFixtures.add(
            [
                (.points, "2024-07-01"), (.points, "2023-10-01"), (.points, "2024-01-15"), (.rebounds, "2024-01-15"),
            ], to: ModelFixtures.temporaryDirectory())
        let registry = try ModelRegistry(directory: directory)
        #expect(
            registry.entries.map(\.id) == [
                "points@2023-10-01", "points@2024-01-15", "points@2024-07-01", "rebounds@2024-01-15",
            ])
        #expect(try id(registry, .points, "2023-09-30") == nil)  // before every model
        #expect(try id(registry, .points, "2023-10-01") == "points@2023-10-01")  // on train_until: usable
        #expect(try id(registry, .points, "2024-01-14") == "points@2023-10-01")
        #expect(try id(registry, .points, "2024-01-15") == "points@2024-01-15")  // the newest eligible
        #expect(try id(registry, .points, "2024-06-30") == "points@2024-01-15")
        #expect(try id(registry, .points, "2024-07-01") == "points@2024-07-01")
        #expect(try id(registry, .points, "2025-01-01") == "points@2024-07-01")
        #expect(try id(registry, .rebounds, "2024-01-14") == nil)  // per market
        #expect(try id(registry, .rebounds, "2024-01-15") == "rebounds@2024-01-15")
        #expect(try id(registry, .assists, "2025-01-01") == nil)
        #expect(
            try registry.models(on: day("2024-01-15")).mapValues(\.id)
                == [.points: "points@2024-01-15", .rebounds: "rebounds@2024-01-15"])
        let chosen = try #require(try registry.model(for: .points, on: day("2024-02-01")))
        #expect(chosen.metadata.trainedThrough == day("2024-01-14"))
        #expect(chosen.file.lastPathComponent == "2024-01-15.json")
        #expect(chosen.columns == Feature.allCases)
    }

    @Test func readsEveryMetadataField() throws {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory())
        let meta = try #require(try ModelRegistry(directory: directory).entries.first)
        // Values of Fixtures/catboost/points.meta.json, written by train.py.
        #expect(meta.market == .points)
        #expect(meta.featureVersion == "v2")
        #expect(meta.trainUntilExclusive == day("2024-01-15"))
        #expect(meta.trainRows == 2080 && meta.testRows == 871)
        #expect(meta.trainMAE == 4.141816620100681 && meta.testMAE == 4.748995476251204)
        #expect(meta.catboostVersion == "1.2.8")
        #expect(
            meta.parameters
                == ModelMetadata.Parameters(
                    iterations: 150, depth: 6, learningRate: 0.05, lossFunction: "RMSE", randomSeed: 7))
    }

    /// A broken or inconsistent file, and the error code and file name the registry must report.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let code: ModelRegistryError.Code
        let file: String
        let apply: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "metadata is not JSON", code: .malformedMetadata, file: "points/2024-01-15.meta.json") {
            try Data("{ not json".utf8).write(to: $0.appendingPathComponent("points/2024-01-15.meta.json"))
        },
        Breakage(name: "metadata lacks features", code: .malformedMetadata, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["features"] = nil }
        },
        Breakage(name: "metadata date is not a date", code: .malformedMetadata, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["trained_from"] = "2024-13-01" }
        },
        Breakage(name: "model is not a CatBoost model", code: .malformedModel, file: "points/2024-01-15.json") {
            try Data("{\"trees\": []}".utf8).write(to: $0.appendingPathComponent("points/2024-01-15.json"))
        },
        Breakage(name: "two features swapped", code: .featureMismatch, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { meta in
                var features = meta["features"] as! [String]
                features.swapAt(0, 1)
                meta["features"] = features
            }
        },
        Breakage(name: "a feature missing", code: .featureMismatch, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { meta in
                meta["features"] = (meta["features"] as! [String]).dropLast().map { $0 }
            }
        },
        Breakage(name: "another feature version", code: .featureMismatch, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["feature_version"] = "v1" }
        },
        Breakage(name: "metadata of another market", code: .inconsistentMetadata, file: "points/2024-01-15.meta.json") {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["market"] = "assists" }
        },
        Breakage(name: "file name is not the cut-off", code: .inconsistentMetadata, file: "points/2024-01-15.meta.json")
        {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["train_until_exclusive"] = "2024-01-16" }
        },
        Breakage(name: "trained on the cut-off date", code: .inconsistentMetadata, file: "points/2024-01-15.meta.json")
        {
            try ModelFixtures.add([(.points, "2024-01-15")], to: $0) { $0["trained_through"] = "2024-01-15" }
        },
        Breakage(name: "model file missing", code: .missingModel, file: "points/2024-01-15.meta.json") {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("points/2024-01-15.json"))
        },
        Breakage(name: "metadata file missing", code: .missingMetadata, file: "points/2024-01-15.json") {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("points/2024-01-15.meta.json"))
        },
        Breakage(name: "folder is not a market", code: .unknownMarket, file: "steals") {
            try FileManager.default.createDirectory(
                at: $0.appendingPathComponent("steals"),
                withIntermediateDirectories: true)
        },
        Breakage(name: "stray file in a market folder", code: .unexpectedFile, file: "points/2024-01-15.json.tmp") {
            try Data().write(to: $0.appendingPathComponent("points/2024-01-15.json.tmp"))
        },
    ]

    @Test(arguments: breakages)
    func refusesAndNamesTheFile(_ breakage: Breakage) throws {
        let directory = ModelFixtures.temporaryDirectory()
        try ModelFixtures.add([(.points, "2024-01-15")], to: directory)  // valid; the breakage rewrites a part
        try breakage.apply(directory)
        do {
            _ = try ModelRegistry(directory: directory)
            Issue.record("\(breakage.name): the registry loaded")
        } catch {
            #expect(error.code == breakage.code, "\(error)")
            #expect(error.path == directory.appendingPathComponent(breakage.file).path)
            #expect(error.description.hasPrefix(directory.appendingPathComponent(breakage.file).path + ": "))
        }
    }

    @Test func featureMismatchSaysWhichColumn() throws {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory()) {
            meta in
            var features = meta["features"] as! [String]
            features.swapAt(2, 3)
            meta["features"] = features
        }
        #expect {
            try ModelRegistry(directory: directory)
        } throws: { error in
            (error as? ModelRegistryError)?.detail.hasPrefix(
                "features[2] is 'stat_last10_std', expected "
                    + "'stat_season_mean'") == true
        }
    }

    @Test func filesNextToTheMarketFoldersAreIgnored() throws {
        let directory = try ModelFixtures.add([(.points, "2024-01-15")], to: ModelFixtures.temporaryDirectory())
        try Data("# models\n".utf8).write(to: directory.appendingPathComponent("README.md"))
        #expect(try ModelRegistry(directory: directory).entries.map(\.id) == ["points@2024-01-15"])
    }
}
