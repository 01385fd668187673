/// A nickname or book-specific spelling pointing at a player id, e.g. `Moe Wagner` → Moritz Wagner (1629021).
///
/// The alias is normalised with ``PlayerNameNormalizer`` before lookup, so it needs no separate variants for
/// accents, dots, apostrophes or suffixes.
public struct PlayerAlias: Sendable, Hashable {
    /// The alternative name as a book writes it.
    public let alias: String
    /// The NBA person id it stands for.
    public let playerID: Int

    /// Creates an alias.
    public init(alias: String, playerID: Int) {
        self.alias = alias
        self.playerID = playerID
    }
}
