/// How a book name was matched to a registry player; stored in the database as its raw text.
public enum PlayerNameMatch: String, Sendable, Hashable, CaseIterable, Codable {
    /// The normalised name equals the registry name (accents, dots, apostrophes, suffixes, comma order aside).
    case exact
    /// The normalised name is a known alias (``PlayerAlias``), e.g. `Moe Wagner`.
    case alias
    /// The names differ only in word breaks: `Dorian Finney Smith` = `Dorian Finney-Smith`.
    case compact
    /// The first word is the surname without a comma: `Wembanyama Victor`.
    case reordered
    /// Middle names are dropped, first and last names kept: `Eric Ambrose Gordon Jr.` = `Eric Gordon`.
    case middleNamesDropped = "middle_names_dropped"
    /// The first name is a single initial of the registry first name: `G Antetokounmpo`, `M. Moody`.
    case initial
    /// One first name is a longer form of the other, with the same surname: `Mil. Bridges` = `Miles Bridges`,
    /// `Cam Johnson` = `Cameron Johnson`, `Nicolas Claxton` = `Nic Claxton`.
    case firstNamePrefix = "first_name_prefix"

    /// Whether the rule only rewrites spelling, so that a lone match is trusted even for a player without recent
    /// games; the other rules only accept players seen in the query's season or the one before.
    public var isSpellingOnly: Bool {
        switch self {
        case .exact, .alias, .compact, .reordered: return true
        case .middleNamesDropped, .initial, .firstNamePrefix: return false
        }
    }
}

/// The outcome of resolving one ``PlayerNameQuery``.
public enum PlayerNameResolution: Sendable, Hashable {
    /// Exactly one player fits best.
    case resolved(playerID: Int, match: PlayerNameMatch)
    /// Several players fit equally well; the ids are sorted ascending. Nothing is guessed.
    case ambiguous(candidates: [Int])
    /// No player fits.
    case unresolved

    /// The player id when resolved, otherwise nil.
    public var playerID: Int? {
        if case .resolved(let playerID, _) = self { return playerID }
        return nil
    }
}
