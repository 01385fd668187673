import HoopcastCore
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// Reads what the player page and the player search show, through the owning layers' readers (the same reads as
/// the API's player route).
struct PlayerPageReader: Sendable {
    let store: Store
    let today: GameDate
    /// Games in the stat-against-the-line charts.
    static let games = 30

    /// The page of player `id` as of `date` (default: the latest date with predictions); 404 for an unknown id.
    func view(id: Int, date asked: GameDate?, layout: (String) -> Layout) async throws -> PlayerView {
        let db = store.sql
        guard let player = try await RegistryReader(db: db).player(id) else {
            throw APIError(.notFound, "No player has the id \(id).")
        }
        var date = asked ?? today
        if asked == nil, let latest = try await PredictionReader(db: db).latestDate() { date = latest }
        let raw = RawReader(db: db), predictions = PredictionReader(db: db)
        let season = try await raw.boxScores(player: id, season: date.season, before: date)
        let earlier = try await predictions.rows(player: id, games: season.map(\.gameID))
        let dateGames = try await raw.games(on: date)
        let todays = try await predictions.rows(player: id, games: dateGames.map(\.gameID))
        let page = PlayerPage(season: season, earlier: earlier, today: todays, games: Self.games)
        var home: [PlayerGameKey: Bool] = [:]
        for game in dateGames where player.latestTeam != nil {
            home[PlayerGameKey(gameID: game.gameID, playerID: id)] = game.homeTeam == player.latestTeam
        }
        let slate = SlateReader.join(
            page.predictions, games: Dictionary(uniqueKeysWithValues: dateGames.map { ($0.gameID, $0) }),
            names: [id: player.name], home: home)
        return PlayerView.make(
            player: player, date: date, page: page, todays: slate, earlier: earlier, season: season,
            layout: layout(player.name))
    }

    /// The search page for `query` (nil before a search).
    func search(query: String?, layout: Layout) async throws -> PlayerSearchView {
        let db = store.sql
        if let query, query.count < 2 { throw APIError.invalid("q", "give at least 2 characters") }
        let registry = RegistryReader(db: db)
        let players = try await registry.players()
        var slate: [RegisteredPlayerSummary] = []
        let latest = try await PredictionReader(db: db).latestDate()
        if query == nil, let latest {
            let lined = Set(
                try await PredictionReader(db: db).rows(on: latest).filter { $0.line != nil }.map(\.playerID))
            slate = players.filter { lined.contains($0.playerID) }
        }
        return PlayerSearchView.make(
            query: query, players: players, slate: slate, slateDate: latest, layout: layout)
    }
}
