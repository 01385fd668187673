extension PlayerNameResolver {
    /// The players one matching rule found for a name, as dense registry indices in ascending order.
    struct CandidateSet: Sendable, Hashable {
        /// The rule that found them.
        let match: PlayerNameMatch
        /// Dense registry indices, ascending, not empty.
        let players: [Int]
    }

    /// Every rule's non-empty candidate set for `rawName`, in rule order; a set equal to an earlier one is skipped.
    func candidates(for rawName: String) -> [CandidateSet] {
        let tokens = PlayerNameNormalizer.tokens(rawName)
        guard !tokens.isEmpty else { return [] }
        var sets: [CandidateSet] = []
        func add(_ match: PlayerNameMatch, _ found: [Int]) {
            guard !found.isEmpty else { return }
            let players = Array(Set(found)).sorted()
            guard !sets.contains(where: { $0.players == players }) else { return }
            sets.append(CandidateSet(match: match, players: players))
        }

        add(.exact, byKey[tokens.joined(separator: " ")] ?? [])
        add(.alias, byAlias[tokens.joined(separator: " ")] ?? [])
        add(.compact, byCompactKey[tokens.joined()] ?? [])
        guard tokens.count >= 2 else { return sets }

        add(.reordered, named(Array(tokens.dropFirst()) + [tokens[0]]))
        let firstAndLast = [tokens[0], tokens[tokens.count - 1]]
        if tokens.count >= 3 { add(.middleNamesDropped, named(firstAndLast)) }

        var prefixVariants = [tokens]
        if tokens.count >= 3 { prefixVariants.append(firstAndLast) }
        for variant in prefixVariants {
            let first = variant[0]
            let sameSurname = bySurname[variant.dropFirst().joined()] ?? []
            let found = sameSurname.filter { index in
                let registryFirst = firstNames[index]
                return registryFirst.hasPrefix(first) || first.hasPrefix(registryFirst)
            }
            add(first.count == 1 ? .initial : .firstNamePrefix, found)
        }
        return sets
    }

    /// Players whose registry name or alias equals the tokens, or whose registry name does without spaces.
    private func named(_ tokens: [String]) -> [Int] {
        let key = tokens.joined(separator: " ")
        return (byKey[key] ?? []) + (byAlias[key] ?? []) + (byCompactKey[tokens.joined()] ?? [])
    }

    /// Picks the rule to trust (see the type's documentation) and breaks ties among its candidates.
    func decide(among sets: [CandidateSet], for query: PlayerNameQuery) -> PlayerNameResolution {
        let season = query.gameDate.season
        let previous = Season(startYear: season.startYear - 1)
        var fallback: CandidateSet?
        for set in sets {
            let hasRecent = set.players.contains { index in
                stints[index].contains { $0.season == season || $0.season == previous }
            }
            if hasRecent { return breakTie(set, for: query) }
            if fallback == nil, set.match.isSpellingOnly { fallback = set }
        }
        if let fallback { return breakTie(fallback, for: query) }
        return .unresolved
    }

    /// Narrows one rule's candidates by team and season, then by date; ambiguous when two remain equally good.
    func breakTie(_ set: CandidateSet, for query: PlayerNameQuery) -> PlayerNameResolution {
        let season = query.gameDate.season
        let previous = Season(startYear: season.startYear - 1)
        let tiers: [(season: Season, byTeam: Bool)] = [
            (season, true), (season, false), (previous, true), (previous, false),
        ]
        for tier in tiers {
            if tier.byTeam && query.teams.isEmpty { continue }
            func fits(_ stint: TeamStint) -> Bool {
                stint.season == tier.season && (!tier.byTeam || query.teams.contains(stint.team))
            }
            let fitting = set.players.filter { stints[$0].contains(where: fits) }
            if fitting.count == 1 { return .resolved(playerID: playerIDs[fitting[0]], match: set.match) }
            guard fitting.count > 1 else { continue }
            let near = fitting.filter { index in
                stints[index].contains { fits($0) && $0.distance(to: query.gameDate) <= Self.nearDateSlack }
            }
            if near.count == 1 { return .resolved(playerID: playerIDs[near[0]], match: set.match) }
            return .ambiguous(candidates: (near.isEmpty ? fitting : near).map { playerIDs[$0] }.sorted())
        }
        if set.players.count == 1 { return .resolved(playerID: playerIDs[set.players[0]], match: set.match) }
        return .ambiguous(candidates: set.players.map { playerIDs[$0] }.sorted())
    }
}
