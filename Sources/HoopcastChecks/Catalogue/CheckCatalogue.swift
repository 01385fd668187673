/// The one catalogue of data-quality checks: every check's name, severity, layer, what it compares and its
/// threshold, in pipeline order (the raw rows, the features, the predictions).
public enum CheckCatalogue {
    /// Every check.
    public static let all: [CheckDefinition] =
        RawChecks.definitions + FeatureChecks.definitions + PredictionChecks.definitions

    /// The check named `name`, nil when the catalogue has none.
    public static func definition(named name: String) -> CheckDefinition? { all.first { $0.name == name } }
}
