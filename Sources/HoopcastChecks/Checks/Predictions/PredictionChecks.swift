/// The prediction layer's checks, run together by `check.predictions`.
public enum PredictionChecks {
    /// The checks in catalogue order.
    public static let definitions: [CheckDefinition] = [
        PredictionUniquenessCheck.definition, PredictionReferenceCheck.definition,
        PredictionAcceptedValuesCheck.definition, PredictionBoundsCheck.definition, InjuredOutCheck.definition,
        InjuredOutCheck.laterDefinition, ModelHealthCheck.definition,
    ]

    /// Every prediction check's verdict on `inputs`, in catalogue order.
    public static func evaluate(_ inputs: PredictionCheckInputs) -> [CheckResult] {
        [
            PredictionUniquenessCheck.evaluate(inputs), PredictionReferenceCheck.evaluate(inputs),
            PredictionAcceptedValuesCheck.evaluate(inputs), PredictionBoundsCheck.evaluate(inputs),
            InjuredOutCheck.evaluate(inputs), InjuredOutCheck.evaluateLater(inputs), ModelHealthCheck.evaluate(inputs),
        ]
    }
}
