import Foundation
import HoopcastCore
import HoopcastModels
import Testing

/// The quantised batch evaluator (`predict(rows:stride:)`) gives exactly the row-by-row evaluator's predictions,
/// which match catboost's own (fixtures as in ``CatBoostParityTests``).
struct CatBoostBatchTests {
    static let directory = CatBoostParityTests.directory

    /// The parity fixture's feature rows and catboost's predictions.
    static func parityRows() throws -> (rows: [[Double]], catboost: [Double]) {
        let text = try String(contentsOf: directory.appendingPathComponent("parity.csv"), encoding: .utf8)
        var rows: [[Double]] = [], expected: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows.append(fields[2..<(fields.count - 1)].map { Double($0)! })
            expected.append(Double(fields[fields.count - 1])!)
        }
        return (rows, expected)
    }

    /// The borders of each float feature, read from the model file directly (not through the evaluator).
    static func borders() throws -> [Int: [Double]] {
        let data = try Data(contentsOf: directory.appendingPathComponent("points.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let trees = try #require(json["oblivious_trees"] as? [[String: Any]])
        var borders: [Int: Set<Double>] = [:]
        for tree in trees {
            for split in try #require(tree["splits"] as? [[String: Any]]) {
                let feature = try #require(split["float_feature_index"] as? Int)
                borders[feature, default: []].insert(try #require(split["border"] as? Double))
            }
        }
        return borders.mapValues { $0.sorted() }
    }

    @Test func batchEqualsRowByRowAndCatboost() throws {
        let model = try CatBoostModel(contentsOf: Self.directory.appendingPathComponent("points.json"))
        let (rows, catboost) = try Self.parityRows()
        #expect(rows.count >= 1000 && rows.count % 128 != 0)  // several blocks and a partial last one
        let batch = model.predict(rows: rows.flatMap { $0 }, stride: model.featureCount)
        #expect(batch == rows.map { model.predict($0) })
        let worst = zip(batch, catboost).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-6, "largest difference \(worst)")
    }

    @Test func wideRowsUseOnlyTheModelsColumns() throws {
        let model = try CatBoostModel(contentsOf: Self.directory.appendingPathComponent("points.json"))
        let rows = Array(try Self.parityRows().rows.prefix(300))
        let wide = rows.flatMap { $0 + [999, -999, .nan] }
        #expect(model.predict(rows: wide, stride: model.featureCount + 3) == rows.map { model.predict($0) })
        #expect(model.predict(rows: [], stride: model.featureCount).isEmpty)
    }

    /// Values on, just above and just below every border (as 32-bit floats, as CatBoost compares), NaN, ±∞, ±0 and
    /// huge magnitudes: the one-byte bins must send each exactly where the float comparison does.
    @Test func bordersAndSpecialValuesGoWhereTheFloatComparisonSends() throws {
        let model = try CatBoostModel(contentsOf: Self.directory.appendingPathComponent("points.json"))
        let template = try #require(try Self.parityRows().rows.first)
        var rows: [[Double]] = []
        for (feature, borders) in try Self.borders() {
            var probes: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e300, -1e300, .leastNonzeroMagnitude]
            for border in borders {
                let float = Float(border)
                probes += [border, Double(float), Double(float.nextUp), Double(float.nextDown), border + 1e-12]
            }
            for probe in probes {
                var row = template
                row[feature] = probe
                rows.append(row)
            }
        }
        #expect(rows.count > 1000)
        let batch = model.predict(rows: rows.flatMap { $0 }, stride: model.featureCount)
        let single = rows.map { model.predict($0) }
        let mismatches = zip(batch, single).filter { $0 != $1 }.count
        #expect(mismatches == 0)
        // The probes do change predictions: the test would notice bins that ignored the value.
        #expect(Set(single).count > 100)
    }

    /// A two-tree model written by hand, with borders at 0 and −0: −0 > 0 is false, so −0 must take 0's bin.
    @Test func handWrittenModelWithZeroBorders() throws {
        let json = """
            {"features_info": {"float_features": [{"feature_index": 0}, {"feature_index": 1}]},
             "oblivious_trees": [
               {"splits": [{"split_type": "FloatFeature", "float_feature_index": 0, "border": 0.0},
                           {"split_type": "FloatFeature", "float_feature_index": 1, "border": 2.5}],
                "leaf_values": [1, 2, 4, 8]},
               {"splits": [{"split_type": "FloatFeature", "float_feature_index": 1, "border": -0.0}],
                "leaf_values": [16, 32]}],
             "scale_and_bias": [0.5, [100]]}
            """
        let model = try CatBoostModel(json: Data(json.utf8))
        // (x0, x1) → tree 1 leaf (bit 0: x0 > 0, bit 1: x1 > 2.5) + tree 2 leaf (x1 > −0); prediction = 0.5·sum + 100.
        let cases: [(Double, Double, Double)] = [
            (-0.0, -0.0, 0.5 * (1 + 16) + 100),
            (0.0, 0.0, 0.5 * (1 + 16) + 100),
            (0.1, 0.1, 0.5 * (2 + 32) + 100),
            (-0.1, 2.5, 0.5 * (1 + 32) + 100),
            (1, 2.6, 0.5 * (8 + 32) + 100),
            (.nan, .nan, 0.5 * (1 + 16) + 100),
            (.infinity, -.infinity, 0.5 * (2 + 16) + 100),
        ]
        let batch = model.predict(rows: cases.flatMap { [$0.0, $0.1] }, stride: 2)
        #expect(batch == cases.map(\.2))
        #expect(cases.map { model.predict([$0.0, $0.1]) } == cases.map(\.2))
    }
}
