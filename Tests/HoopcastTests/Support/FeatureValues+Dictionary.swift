import HoopcastCore

/// Conversions tests use to build and compare feature values (not needed by the pipeline, so not in HoopcastCore).
extension FeatureValues {
    /// Values from a dictionary.
    init(_ dictionary: [Feature: Double]) {
        self.init()
        for (feature, value) in dictionary { self[feature] = value }
    }

    /// These values with `other`'s added, an `other` value replacing this one's.
    func merging(_ other: FeatureValues) -> FeatureValues {
        var result = self
        for (feature, value) in other { result[feature] = value }
        return result
    }

    /// The values as a dictionary.
    var dictionary: [Feature: Double] {
        Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) })
    }
}
