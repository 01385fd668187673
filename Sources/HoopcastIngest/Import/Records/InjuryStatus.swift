/// A status on an injury report (`raw_injuries.status`).
public enum InjuryStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Will not play.
    case out
    /// Unlikely to play.
    case doubtful
    /// Uncertain.
    case questionable
    /// Likely to play.
    case probable
    /// Listed, and cleared to play.
    case available
    /// A team row (empty player name): the team had not submitted its list when the report was published.
    case notYetSubmitted = "not_yet_submitted"
}
