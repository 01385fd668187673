/// What a registered model predicts.
public enum ModelTarget: String, Sendable, Hashable, Codable, CaseIterable {
    /// The stat itself (`catboost`).
    case actual
    /// The stat minus the line, on rows with a real line (`catboost_residual`: the prediction is the line plus the
    /// model's output).
    case residual

    /// Where the registry keeps this target's market folders, relative to its directory: the directory itself for
    /// ``actual``, `residual/` for ``residual``.
    public var folder: String? {
        switch self {
        case .actual: nil
        case .residual: "residual"
        }
    }
}
