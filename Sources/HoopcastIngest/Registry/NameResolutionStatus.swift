/// How a book's player name resolved, as stored in `registry_name_resolutions.status`.
public enum NameResolutionStatus: String, Sendable, Hashable, CaseIterable {
    case resolved, ambiguous, unresolved
}
