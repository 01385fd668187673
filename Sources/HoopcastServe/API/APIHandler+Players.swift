import HoopcastCore
import HoopcastIngest
import HoopcastPredictions

extension APIHandler {
    func searchPlayers(_ input: Operations.SearchPlayers.Input) async throws -> Operations.SearchPlayers.Output {
        let query = try Parameters.text(input.query.q, "q", length: 2...64)
        let players = try await RegistryReader(db: store.sql).players()
        let found = PlayerSearch.search(query, in: players, limit: try Parameters.limit(input.query.limit))
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: found.map {
                            .init(playerId: $0.playerID, name: $0.name, team: $0.latestTeam?.code)
                        }))))
    }

    func getPlayer(_ input: Operations.GetPlayer.Input) async throws -> Operations.GetPlayer.Output {
        let id = input.path.playerId
        guard let player = try await RegistryReader(db: store.sql).player(id) else {
            throw APIError(.notFound, "no player has the id \(id)")
        }
        let date: GameDate
        if let text = input.query.date {
            date = try Parameters.date(text)
        } else {
            date = try await PredictionReader(db: store.sql).latestDate() ?? today
        }
        let raw = RawReader(db: store.sql), predictions = PredictionReader(db: store.sql)
        let season = try await raw.boxScores(player: id, season: date.season, before: date)
        let games = try Parameters.integer(input.query.games, "games", in: 1...82, default: 30)
        let earlier = try await predictions.rows(player: id, games: season.prefix(games).map(\.gameID))
        let dateGames = try await raw.games(on: date)
        let todays = try await predictions.rows(player: id, games: dateGames.map(\.gameID))
        let page = PlayerPage(season: season, earlier: earlier, today: todays, games: games)
        var home: [PlayerGameKey: Bool] = [:]
        for game in dateGames where player.latestTeam != nil {
            home[PlayerGameKey(gameID: game.gameID, playerID: id)] = game.homeTeam == player.latestTeam
        }
        let slate = SlateReader.join(
            page.predictions, games: Dictionary(uniqueKeysWithValues: dateGames.map { ($0.gameID, $0) }),
            names: [id: player.name], home: home)
        let body = Components.Schemas.PlayerPage(
            player: .init(playerId: id, name: player.name, team: player.latestTeam?.code),
            date: date.description,
            gameLog: page.gameLog.map { logged in
                let box = logged.box
                return .init(
                    gameId: box.gameID, gameDate: box.gameDate.description, opponent: box.opponent.code,
                    home: box.isHome, minutes: box.minutes, points: box.points, rebounds: box.rebounds,
                    assists: box.assists, threes: box.threesMade,
                    pointsReboundsAssists: box.points + box.rebounds + box.assists,
                    lines: logged.lines.map {
                        .init(market: .init($0.market), line: $0.line, result: .init(rawValue: $0.side.rawValue)!)
                    })
            },
            hitRates: page.hitRates.map { rates in
                func rate(_ rate: PlayerPage.HitRate) -> Components.Schemas.HitRate {
                    .init(games: rate.games, overs: rate.overs, unders: rate.unders, pushes: rate.pushes)
                }
                return .init(
                    market: .init(rates.market), line: rates.line, last5: rate(rates.last5),
                    last10: rate(rates.last10), last20: rate(rates.last20), season: rate(rates.season))
            },
            minutesTrend: page.minutes.map { .init(gameDate: $0.date.description, minutes: $0.minutes) },
            predictions: slate.map(Components.Schemas.Prediction.init))
        return .ok(.init(body: .json(body)))
    }
}
