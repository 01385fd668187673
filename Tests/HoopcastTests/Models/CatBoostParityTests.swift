import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// The Swift evaluator reproduces catboost's own predictions (Python `predict`, catboost 1.2.8) on real rows.
///
/// Fixture made by `training/train.py --csv <features of 2024-01-01…20 from the test fixture> --market points
/// --train-until 2024-01-15 --iterations 150 --fixture parity.csv`.
struct CatBoostParityTests {
    static let directory = TestPaths.repo("Tests/HoopcastTests/Fixtures/catboost")

    @Test func swiftPredictionsMatchCatboostWithin1e6() throws {
        let model = try CatBoostModel(contentsOf: Self.directory.appendingPathComponent("points.json"))
        #expect(model.featureCount == Feature.allCases.count)
        let text = try String(contentsOf: Self.directory.appendingPathComponent("parity.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header[2..<(header.count - 1)]) == Feature.allCases.map(\.rawValue))
        var checked = 0, worst = 0.0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let features = fields[2..<(fields.count - 1)].map { Double($0)! }
            let expected = Double(fields[fields.count - 1])!
            let difference = abs(model.predict(Array(features)) - expected)
            worst = max(worst, difference)
            checked += 1
        }
        #expect(checked >= 1000)
        #expect(worst < 1e-6, "largest difference \(worst)")
    }

    @Test func rejectsFilesThatAreNotModels() {
        #expect(throws: CatBoostModelError.self) { try CatBoostModel(json: Data("{\"trees\": []}".utf8)) }
    }
}
