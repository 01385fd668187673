/// The feature layer's checks, run together by `check.features`.
public enum FeatureChecks {
    /// The checks in catalogue order.
    public static let definitions: [CheckDefinition] = [
        FeatureUniquenessCheck.definition, FeatureReferenceCheck.definition, FeatureAcceptedValuesCheck.definition,
        FeatureLineSanityCheck.definition, DriftCheck.definition, RecomputeCheck.definition,
    ]

    /// Every feature check's verdict on `inputs`, in catalogue order.
    public static func evaluate(_ inputs: FeatureCheckInputs) -> [CheckResult] {
        [
            FeatureUniquenessCheck.evaluate(inputs), FeatureReferenceCheck.evaluate(inputs),
            FeatureAcceptedValuesCheck.evaluate(inputs), FeatureLineSanityCheck.evaluate(inputs),
            DriftCheck.evaluate(inputs), RecomputeCheck.evaluate(inputs),
        ]
    }
}
