/// Nicknames and book spellings seen in real prop lines (2023-24) that no normalisation rule derives.
///
/// Each entry is the book's spelling and the NBA person id from the box scores, with the box-score name in the
/// trailing comment. Spellings that the rules already handle (accents, dots, suffixes, `Last, First`, initials,
/// a first name that is a prefix of the other such as `Nicolas Claxton` → `Nic Claxton`, middle names) are left out.
public enum BuiltInAliases {
    /// Every built-in alias.
    public static let all: [PlayerAlias] = [
        PlayerAlias(alias: "Alfred Joel Horford Reynoso", playerID: 201143),  // Al Horford
        PlayerAlias(alias: "Bojan Bogdanovich", playerID: 202711),  // Bojan Bogdanović
        PlayerAlias(alias: "Christian James McCollum", playerID: 203468),  // CJ McCollum
        PlayerAlias(alias: "Danilo Galinari", playerID: 201568),  // Danilo Gallinari
        PlayerAlias(alias: "Edrice Femi Adebayo", playerID: 1628389),  // Bam Adebayo
        PlayerAlias(alias: "Gregory Jackson", playerID: 1641713),  // GG Jackson
        PlayerAlias(alias: "Kenyon Martin Jr.", playerID: 1630231),  // KJ Martin
        PlayerAlias(alias: "Moe Wagner", playerID: 1629021),  // Moritz Wagner
        PlayerAlias(alias: "Nicholas Batum", playerID: 201587),  // Nicolas Batum
        PlayerAlias(alias: "Obadiah Toppin", playerID: 1630167),  // Obi Toppin
    ]
}
