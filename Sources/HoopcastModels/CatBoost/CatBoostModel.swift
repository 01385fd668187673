import Foundation

/// A CatBoost model in CatBoost's JSON format (oblivious trees over float features), evaluated natively.
///
/// Each tree's leaf index has bit `i` set when feature `splits[i].float_feature_index` is greater than the split's
/// border (compared as 32-bit floats, as CatBoost does); the prediction is
/// `scale · Σ leaf values + bias`. Categorical features, text features and multi-dimensional outputs are refused.
public struct CatBoostModel: Sendable {
    // The trees, flattened for a cache-friendly evaluation loop: tree t has `depths[t]` splits, stored consecutively
    // in `splitFeatures`/`splitBorders`, and `1 << depths[t]` leaves, stored consecutively in `leafValues`.
    let depths: [Int]
    let splitFeatures: [Int]
    let splitBorders: [Float]
    let leafValues: [Double]
    /// Float features the model reads (its input width).
    public let featureCount: Int
    let scale: Double
    let bias: Double
    /// The same trees over quantised features, for ``predict(rows:)``; nil when the model does not fit that form.
    let quantized: QuantizedTrees?

    /// Parses a model saved with `save_model(path, format="json")`.
    public init(json data: Data) throws(CatBoostModelError) {
        let file: ModelFile
        do {
            file = try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw CatBoostModelError("not a CatBoost JSON model: \(error)")
        }
        if let categorical = file.featuresInfo.categoricalFeatures, !categorical.isEmpty {
            throw CatBoostModelError("categorical features are not supported")
        }
        featureCount = file.featuresInfo.floatFeatures.map { $0.featureIndex + 1 }.max() ?? 0
        var depths: [Int] = [], features: [Int] = [], borders: [Float] = [], leaves: [Double] = []
        for (index, tree) in file.obliviousTrees.enumerated() {
            guard tree.splits.count <= 16 else {  // CatBoost's own limit; keeps the evaluator's shifts exact
                throw CatBoostModelError("tree \(index) has depth \(tree.splits.count); at most 16 is supported")
            }
            guard tree.leafValues.count == 1 << tree.splits.count else {
                throw CatBoostModelError(
                    "tree \(index) has \(tree.leafValues.count) leaves for \(tree.splits.count) splits "
                        + "(multi-dimensional outputs are not supported)")
            }
            for split in tree.splits {
                guard split.splitType == "FloatFeature", let feature = split.floatFeatureIndex,
                    let border = split.border
                else {
                    throw CatBoostModelError(
                        "tree \(index) has a \(split.splitType) split; only float features are supported")
                }
                guard feature >= 0, feature < featureCount else {
                    throw CatBoostModelError("tree \(index) reads unknown feature \(feature)")
                }
                features.append(feature)
                borders.append(Float(border))
            }
            depths.append(tree.splits.count)
            leaves.append(contentsOf: tree.leafValues)
        }
        self.depths = depths
        self.splitFeatures = features
        self.splitBorders = borders
        self.leafValues = leaves
        let scaleAndBias = file.scaleAndBias
        scale = scaleAndBias?.scale ?? 1
        bias = scaleAndBias?.bias ?? 0
        quantized = QuantizedTrees(splitFeatures: features, splitBorders: borders, depths: depths)
    }

    /// Trees in the model.
    public var treeCount: Int { depths.count }

    /// Loads a model file.
    public init(contentsOf url: URL) throws(CatBoostModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CatBoostModelError("cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(json: data)
    }

    /// The model's prediction for one row of ``featureCount`` float features (in training column order).
    public func predict(_ features: [Double]) -> Double {
        precondition(features.count >= featureCount, "the model reads \(featureCount) features")
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: max(featureCount, 1)) { values in
            for index in 0..<featureCount { values[index] = Float(features[index]) }
            return splitFeatures.withUnsafeBufferPointer { splitFeatures in
                splitBorders.withUnsafeBufferPointer { splitBorders in
                    leafValues.withUnsafeBufferPointer { leafValues in
                        var sum = 0.0, split = 0, leafBase = 0
                        for depth in depths {
                            var leaf = 0
                            for level in 0..<depth {
                                // Branch-free (the comparisons are unpredictable); depth < 64, so masking shifts and
                                // unchecked additions are exact.
                                let above = values[splitFeatures[split &+ level]] > splitBorders[split &+ level]
                                leaf |= Int(unsafeBitCast(above, to: UInt8.self)) &<< level
                            }
                            sum += leafValues[leafBase &+ leaf]
                            split &+= depth
                            leafBase &+= 1 &<< depth
                        }
                        return scale * sum + bias
                    }
                }
            }
        }
    }
}

extension CatBoostModel {
    /// The model's predictions for many rows at once, identical to calling ``predict(_:)`` on each row but several
    /// times faster: the rows are quantised against the model's borders and evaluated in blocks.
    ///
    /// - Parameters:
    ///   - rows: row-major feature values, `stride` per row, the model's ``featureCount`` first in training order.
    ///   - stride: values per row (at least ``featureCount``).
    public func predict(rows: [Double], stride: Int) -> [Double] {
        precondition(stride >= featureCount, "the model reads \(featureCount) features")
        precondition(stride > 0 ? rows.count % stride == 0 : rows.isEmpty, "\(rows.count) values are not whole rows")
        let count = stride > 0 ? rows.count / stride : 0
        guard let quantized else {
            return (0..<count).map { predict(Array(rows[($0 * stride)..<(($0 + 1) * stride)])) }
        }
        let sums = rows.withUnsafeBufferPointer { rows in
            leafValues.withUnsafeBufferPointer { leafValues in
                quantized.leafSums(rows: rows, stride: stride, count: count, depths: depths, leafValues: leafValues)
            }
        }
        return sums.map { scale * $0 + bias }
    }
}

/// A model file that cannot be used.
public struct CatBoostModelError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The parts of CatBoost's JSON model format the evaluator reads.
struct ModelFile: Decodable {
    struct FeaturesInfo: Decodable {
        struct FloatFeature: Decodable {
            let featureIndex: Int
            enum CodingKeys: String, CodingKey { case featureIndex = "feature_index" }
        }
        let floatFeatures: [FloatFeature]
        let categoricalFeatures: [FloatFeature]?
        enum CodingKeys: String, CodingKey {
            case floatFeatures = "float_features", categoricalFeatures = "categorical_features"
        }
    }

    struct ObliviousTree: Decodable {
        struct Split: Decodable {
            let border: Double?
            let floatFeatureIndex: Int?
            let splitType: String
            enum CodingKeys: String, CodingKey {
                case border, floatFeatureIndex = "float_feature_index", splitType = "split_type"
            }
        }
        let leafValues: [Double]
        let splits: [Split]
        enum CodingKeys: String, CodingKey { case leafValues = "leaf_values", splits }
    }

    struct ScaleAndBias: Decodable {
        let scale: Double
        let bias: Double
        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            scale = try container.decode(Double.self)
            // The bias is a list (one value per output dimension) in recent versions, a number in older ones.
            if let list = try? container.decode([Double].self) {
                bias = list.first ?? 0
            } else {
                bias = try container.decode(Double.self)
            }
        }
    }

    let featuresInfo: FeaturesInfo
    let obliviousTrees: [ObliviousTree]
    let scaleAndBias: ScaleAndBias?
    enum CodingKeys: String, CodingKey {
        case featuresInfo = "features_info", obliviousTrees = "oblivious_trees", scaleAndBias = "scale_and_bias"
    }
}
