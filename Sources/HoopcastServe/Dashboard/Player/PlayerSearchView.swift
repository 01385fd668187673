import HoopcastCore
import HoopcastIngest

/// The player search: the players whose name matches the query (``PlayerSearch``), and, before any search, the
/// players with a line on the latest slate.
struct PlayerSearchView: Sendable {
    struct Result: Sendable, Hashable {
        var name: String
        var href: String
        var team: String?
        var lastGame: String?
    }

    var layout: Layout
    var query: String
    var searched: Bool
    var resultsHeading: String
    var results: [Result]
    var hasResults: Bool
    var slateDate: String?
    var slatePlayers: [Result]
    var hasSlate: Bool

    /// The page for `query` (nil: no search yet) over `players`; `slate` are the players lined on `slateDate`.
    static func make(
        query: String?, players: [RegisteredPlayerSummary], slate: [RegisteredPlayerSummary], slateDate: GameDate?,
        layout: Layout
    ) -> PlayerSearchView {
        let found = query.map { PlayerSearch.search($0, in: players, limit: 50) } ?? []
        func result(_ player: RegisteredPlayerSummary) -> Result {
            Result(
                name: player.name,
                href: DashboardQuery.link("/players/\(player.playerID)", [("date", slateDate?.description)]),
                team: player.latestTeam?.code, lastGame: player.lastGameDate?.description)
        }
        let lined = query == nil ? slate.sorted { $0.name < $1.name }.map(result) : []
        return PlayerSearchView(
            layout: layout, query: query ?? "", searched: query != nil,
            resultsHeading: found.count == 1 ? "1 player" : "\(found.count) players", results: found.map(result),
            hasResults: !found.isEmpty, slateDate: slateDate.map(DashboardFormat.longDate), slatePlayers: lined,
            hasSlate: !lined.isEmpty)
    }
}
