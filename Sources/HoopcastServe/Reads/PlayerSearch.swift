import HoopcastCore
import HoopcastIngest

/// Finds players by name: accents, case and punctuation ignored; a name that starts with the query ranks before one
/// that only contains it, then the most recently active.
enum PlayerSearch {
    static func search(_ query: String, in players: [RegisteredPlayerSummary], limit: Int) -> [RegisteredPlayerSummary]
    {
        let needle = PlayerNameNormalizer.key(query)
        guard !needle.isEmpty else { return [] }
        let matches = players.compactMap { player -> (rank: Int, player: RegisteredPlayerSummary)? in
            let name = PlayerNameNormalizer.key(player.name)
            if name.hasPrefix(needle) { return (0, player) }
            if name.split(separator: " ").contains(where: { $0.hasPrefix(needle) }) { return (1, player) }
            return name.contains(needle) ? (2, player) : nil
        }
        return matches.sorted {
            ($0.rank, $1.player.lastGameDate?.dayNumber ?? 0, $0.player.name)
                < ($1.rank, $0.player.lastGameDate?.dayNumber ?? 0, $1.player.name)
        }.prefix(limit).map(\.player)
    }
}
