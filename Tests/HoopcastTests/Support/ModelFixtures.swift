import Foundation
import HoopcastCore

/// Model directories for tests, built from the real fixture model (`Fixtures/catboost/points.json`, catboost 1.2.8).
enum ModelFixtures {
    static let catboost = TestPaths.repo("Tests/HoopcastTests/Fixtures/catboost")
    static let model = catboost.appendingPathComponent("points.json")

    /// The fixture model's metadata as a JSON object.
    static func metadata() throws -> [String: Any] {
        let data = try Data(contentsOf: catboost.appendingPathComponent("points.meta.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A fresh temporary directory (not created).
    static func temporaryDirectory() -> URL {
        Scratch.root.appendingPathComponent("hoopcast-models-\(UUID().uuidString)")
    }

    /// Writes `<directory>/<market>/<trainUntil>.json` (the fixture model) and its metadata for each entry, with
    /// the metadata's market and window set to match; `edit` may then alter the metadata. Existing files are replaced.
    @discardableResult
    static func add(
        _ entries: [(Market, String)], to directory: URL,
        edit: (inout [String: Any]) -> Void = { _ in }
    ) throws -> URL {
        for (market, trainUntil) in entries {
            let cutoff = GameDate(trainUntil)!
            var meta = try metadata()
            meta["market"] = market.rawValue
            meta["train_until_exclusive"] = trainUntil
            meta["trained_through"] = cutoff.adding(days: -1).description
            meta["trained_from"] = cutoff.adding(days: -300).description
            edit(&meta)
            let folder = directory.appendingPathComponent(market.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("\(trainUntil).json")
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: model, to: target)
            try JSONSerialization.data(withJSONObject: meta, options: [.sortedKeys])
                .write(to: folder.appendingPathComponent("\(trainUntil).meta.json"))
        }
        return directory
    }
}
