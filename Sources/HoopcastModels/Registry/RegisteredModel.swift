import Foundation
import HoopcastCore

/// A CatBoost model with its metadata, validated against the current feature set.
///
/// Valid means: the metadata's feature version is ``Feature/version``, its feature list is
/// `Feature.allCases.map(\.rawValue)` in catalogue order, and the model reads exactly that many columns — so the
/// columns a caller builds from ``columns`` can never be misaligned with what the model was trained on.
public struct RegisteredModel: Sendable {
    /// `<market>@<train-until>`, e.g. `points@2023-10-01`.
    public let id: String
    /// What `train.py` recorded about the model.
    public let metadata: ModelMetadata
    /// The evaluator.
    public let model: CatBoostModel
    /// The model's input columns, in its order.
    public let columns: [Feature]
    /// The model file.
    public let file: URL

    /// Validates `metadata` against the feature catalogue and `model`; errors name `file` (for the model) or
    /// `metadataFile`.
    public init(metadata: ModelMetadata, model: CatBoostModel, file: URL, metadataFile: URL)
        throws(ModelRegistryError)
    {
        guard metadata.featureVersion == Feature.version else {
            throw ModelRegistryError(
                .featureMismatch, path: metadataFile.path,
                "feature_version '\(metadata.featureVersion)' is not the current '\(Feature.version)'")
        }
        let expected = Feature.allCases.map(\.rawValue)
        guard metadata.features == expected else {
            throw ModelRegistryError(
                .featureMismatch, path: metadataFile.path,
                RegisteredModel.describeDifference(metadata.features, expected))
        }
        guard model.featureCount == expected.count else {
            throw ModelRegistryError(
                .featureMismatch, path: file.path,
                "the model reads \(model.featureCount) features; the metadata lists \(expected.count)")
        }
        self.id = metadata.id
        self.metadata = metadata
        self.model = model
        self.columns = Feature.allCases
        self.file = file
    }

    /// The model's prediction for a row of feature values (the raw CatBoost output, stat units).
    public func predict(_ features: FeatureValues) -> Double {
        model.predict(columns.map { features[$0] ?? 0 })
    }

    /// The model's predictions for many rows at once (the quantised batch evaluator; equal to ``predict(_:)`` per row).
    public func predict(rows: [FeatureValues]) -> [Double] {
        var flat: [Double] = []
        flat.reserveCapacity(rows.count * columns.count)
        for row in rows {
            for column in columns { flat.append(row[column] ?? 0) }
        }
        return model.predict(rows: flat, stride: columns.count)
    }

    /// The first position where the lists differ, e.g. `feature 3 is 'x', expected 'stat_last10_std'`.
    static func describeDifference(_ actual: [String], _ expected: [String]) -> String {
        for index in 0..<min(actual.count, expected.count) where actual[index] != expected[index] {
            return
                "features[\(index)] is '\(actual[index])', expected '\(expected[index])' (column order of feature set "
                + "\(Feature.version))"
        }
        return "lists \(actual.count) features, feature set \(Feature.version) has \(expected.count)"
    }
}
