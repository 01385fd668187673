/// The raw layer's checks, run together by `check.raw`.
public enum RawChecks {
    /// The checks in catalogue order.
    public static let definitions: [CheckDefinition] = [
        ScheduleCheck.definition, FreshnessCheck.definition, BoxScoreCompletenessCheck.definition,
        TeamPlayersCheck.definition, RawUniquenessCheck.definition, PropQuoteKeysCheck.definition,
        RawReferenceCheck.definition, RawAcceptedValuesCheck.definition, RawPlausibleRangesCheck.definition,
        PropPlaceholderCheck.definition,
    ]

    /// Every raw check's verdict on `inputs`, in catalogue order.
    public static func evaluate(_ inputs: RawCheckInputs) -> [CheckResult] {
        [
            ScheduleCheck.evaluate(inputs), FreshnessCheck.evaluate(inputs), BoxScoreCompletenessCheck.evaluate(inputs),
            TeamPlayersCheck.evaluate(inputs), RawUniquenessCheck.evaluate(inputs), PropQuoteKeysCheck.evaluate(inputs),
            RawReferenceCheck.evaluate(inputs), RawAcceptedValuesCheck.evaluate(inputs),
            RawPlausibleRangesCheck.evaluate(inputs), PropPlaceholderCheck.evaluate(inputs),
        ]
    }
}
