/// Resolves the player names that sportsbooks write (`G Antetokounmpo`, `Portis, Bobby`, `Nicolas Claxton`) to NBA
/// person ids, using a registry of players with their team stints and a table of aliases.
///
/// Resolution runs in two steps:
/// 1. **Candidates.** The name is normalised (``PlayerNameNormalizer``) and looked up by rules tried in the order of
///    ``PlayerNameMatch``: exact, alias, compact, reordered, middle names dropped, initial / first-name prefix. The
///    first rule whose candidates include a player seen in the query's season or the one before wins. A rule that
///    only rewrites spelling (``PlayerNameMatch/isSpellingOnly``) is kept as a fallback when none of its players is
///    recent; the looser rules never resolve to a player without recent games.
/// 2. **Tie-break.** Among the winning rule's candidates, prefer those with a stint for one of the query's teams in
///    the query's season; then anyone active in that season; then the same two tests for the previous season; then,
///    only for a spelling-only fallback, anyone. When a tier holds several players, the one whose fitting stint's
///    `[first, last]` range lies within ``nearDateSlack`` days of the game date wins if he is the only one;
///    otherwise the answer is ``PlayerNameResolution/ambiguous(candidates:)`` listing the players near the date (or
///    the whole tier when none is). Two equally good candidates are never guessed between.
///
/// All indexes are dictionaries built once in ``init(players:aliases:)``; a query costs a few lookups.
public struct PlayerNameResolver: Sendable {
    /// Days a game date may lie outside a stint's `[first, last]` range and still count as near it.
    public static let nearDateSlack = 7

    /// The players' NBA ids, by dense index.
    let playerIDs: [Int]
    /// The players' stints, by dense index.
    let stints: [[TeamStint]]
    /// The players' normalised first tokens, by dense index (empty for alias-only ids).
    let firstNames: [String]
    /// Normalised registry name → dense indices.
    let byKey: [String: [Int]]
    /// Registry name without spaces → dense indices.
    let byCompactKey: [String: [Int]]
    /// Normalised alias → dense indices.
    let byAlias: [String: [Int]]
    /// Everything after the first token, without spaces → dense indices (`gilgeousalexander` → SGA).
    let bySurname: [String: [Int]]

    /// Builds the indexes. Entries with the same `playerID` are merged (stints concatenated, first name kept); an
    /// alias may point at an id missing from `players`, which then resolves without any stint information.
    public init(players: [RegistryPlayer], aliases: [PlayerAlias]) {
        var indexByID: [Int: Int] = [:]
        var playerIDs: [Int] = []
        var stints: [[TeamStint]] = []
        var firstNames: [String] = []
        var byKey: [String: [Int]] = [:]
        var byCompactKey: [String: [Int]] = [:]
        var bySurname: [String: [Int]] = [:]

        func insert(_ index: Int, into map: inout [String: [Int]], at key: String) {
            guard !key.isEmpty else { return }
            if !map[key, default: []].contains(index) { map[key, default: []].append(index) }
        }

        for player in players {
            let tokens = PlayerNameNormalizer.tokens(player.name)
            let index: Int
            if let existing = indexByID[player.playerID] {
                index = existing
                stints[index].append(contentsOf: player.stints)
            } else {
                index = playerIDs.count
                indexByID[player.playerID] = index
                playerIDs.append(player.playerID)
                stints.append(player.stints)
                firstNames.append(tokens.first ?? "")
            }
            insert(index, into: &byKey, at: tokens.joined(separator: " "))
            insert(index, into: &byCompactKey, at: tokens.joined())
            if tokens.count >= 2 { insert(index, into: &bySurname, at: tokens.dropFirst().joined()) }
        }

        var byAlias: [String: [Int]] = [:]
        for alias in aliases {
            let index: Int
            if let existing = indexByID[alias.playerID] {
                index = existing
            } else {
                index = playerIDs.count
                indexByID[alias.playerID] = index
                playerIDs.append(alias.playerID)
                stints.append([])
                firstNames.append("")
            }
            insert(index, into: &byAlias, at: PlayerNameNormalizer.key(alias.alias))
        }

        self.playerIDs = playerIDs
        self.stints = stints
        self.firstNames = firstNames
        self.byKey = byKey
        self.byCompactKey = byCompactKey
        self.byAlias = byAlias
        self.bySurname = bySurname
    }

    /// Resolves one query.
    public func resolve(_ query: PlayerNameQuery) -> PlayerNameResolution {
        decide(among: candidates(for: query.rawName), for: query)
    }

    /// Resolves many queries in one pass, in order.
    ///
    /// Normalisation and index lookups are cached per raw name; the tie-break (a scan of a few candidates' stints)
    /// then runs per query, because it depends on the game date as well as the season and teams. The 35,977 real
    /// 2023-24 prop-line queries take about 12 ms in a release build.
    public func resolveAll(_ queries: [PlayerNameQuery]) -> [PlayerNameResolution] {
        var cache: [String: [CandidateSet]] = [:]
        var results: [PlayerNameResolution] = []
        results.reserveCapacity(queries.count)
        for query in queries {
            let sets: [CandidateSet]
            if let cached = cache[query.rawName] {
                sets = cached
            } else {
                sets = candidates(for: query.rawName)
                cache[query.rawName] = sets
            }
            results.append(decide(among: sets, for: query))
        }
        return results
    }
}
