/// One check of the catalogue: its name, severity and layer, and — for people — what it compares and against which
/// threshold.
public struct CheckDefinition: Sendable, Hashable {
    /// A unique, stable name such as `raw.box_score_completeness`.
    public let name: String
    /// Whether a failure blocks the date (`error`) or is only recorded (`warn`).
    public let severity: CheckSeverity
    /// The layer it guards.
    public let layer: CheckLayer
    /// What it compares, in a sentence.
    public let compares: String
    /// When it fails, in a sentence (units included).
    public let threshold: String

    /// Creates a definition.
    public init(name: String, severity: CheckSeverity, layer: CheckLayer, compares: String, threshold: String) {
        self.name = name
        self.severity = severity
        self.layer = layer
        self.compares = compares
        self.threshold = threshold
    }
}
