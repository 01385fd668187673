import HoopcastCore
import HoopcastGrading
import HoopcastIngest

extension APIHandler {
    func listPredictions(_ input: Operations.ListPredictions.Input) async throws -> Operations.ListPredictions.Output {
        let date = try Parameters.date(input.path.date)
        let query = input.query
        let cursor = try Parameters.cursor(query.cursor)
        var slate = try await SlateReader(db: store.sql, cache: slates).predictions(on: date)
        if let market = query.market?.domain { slate.removeAll { $0.record.market != market } }
        if let system = query.system?.domain { slate.removeAll { $0.record.system != system } }
        if let recommendation = query.recommendation?.domain {
            slate.removeAll { $0.record.recommendation != recommendation }
        }
        if let minimum = query.minEdge, !(-1...1).contains(minimum) {
            throw APIError.invalid("min_edge", "\(minimum) is outside -1…1")
        }
        if let team = query.team, team.count != 3 || !team.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw APIError.invalid("team", "is a three-letter code such as BOS")
        }
        if let player = query.player, !(1...2_147_483_647).contains(player) {
            throw APIError.invalid("player", "\(player) is not a player id")
        }
        if let minimum = query.minEdge { slate.removeAll { ($0.record.edge ?? -.infinity) < minimum } }
        if let team = query.team {
            slate.removeAll { $0.game.map { $0.homeTeam.code != team && $0.awayTeam.code != team } ?? true }
        }
        if let player = query.player { slate.removeAll { $0.record.playerID != player } }
        let page = PageCursor.page(slate, after: cursor, limit: try Parameters.limit(query.limit), key: \.sortKey)
        let body = Components.Schemas.PredictionPage(
            date: date.description, items: page.items.map(Components.Schemas.Prediction.init),
            nextCursor: page.next?.text)
        let cache = try DateCaching(date: date, today: today).validate(body, ifNoneMatch: input.headers.ifNoneMatch)
        if cache.notModified { return .notModified }
        return .ok(.init(headers: .init(eTag: cache.eTag, cacheControl: cache.cacheControl), body: .json(body)))
    }

    func listBestBets(_ input: Operations.ListBestBets.Input) async throws -> Operations.ListBestBets.Output {
        let date = try Parameters.date(input.path.date)
        var slate = try await SlateReader(db: store.sql, cache: slates).predictions(on: date)
        slate.removeAll { !$0.record.recommendation.isBet }
        if let market = input.query.market?.domain { slate.removeAll { $0.record.market != market } }
        if let system = input.query.system?.domain { slate.removeAll { $0.record.system != system } }
        slate.sort { ($0.record.edge ?? 0, $1.sortKey) > ($1.record.edge ?? 0, $0.sortKey) }
        let body = Components.Schemas.BestBets(
            date: date.description, items: slate.map(Components.Schemas.Prediction.init))
        let cache = try DateCaching(date: date, today: today).validate(body, ifNoneMatch: input.headers.ifNoneMatch)
        if cache.notModified { return .notModified }
        return .ok(.init(headers: .init(eTag: cache.eTag, cacheControl: cache.cacheControl), body: .json(body)))
    }

    func listResults(_ input: Operations.ListResults.Input) async throws -> Operations.ListResults.Output {
        let date = try Parameters.date(input.path.date)
        let cursor = try Parameters.cursor(input.query.cursor)
        var graded = try await GradeReader(db: store.sql).results(from: date, to: date)
        if let market = input.query.market?.domain { graded.removeAll { $0.market != market } }
        if let system = input.query.system?.domain { graded.removeAll { $0.system != system } }
        let names = try await RegistryReader(db: store.sql).names(of: Set(graded.map(\.playerID)))
        func key(_ row: GradedPrediction) -> String {
            SlatePrediction.sortKey(gameID: row.gameID, playerID: row.playerID, market: row.market, system: row.system)
        }
        graded.sort { key($0) < key($1) }
        let page = PageCursor.page(graded, after: cursor, limit: try Parameters.limit(input.query.limit), key: key)
        let body = Components.Schemas.ResultPage(
            date: date.description,
            items: page.items.map { row in
                Components.Schemas.Result(
                    gameId: row.gameID, gameDate: row.gameDate.description, playerId: row.playerID,
                    playerName: names[row.playerID], market: .init(row.market), system: .init(row.system),
                    recommendation: .init(row.recommendation), predictedValue: row.predictedValue, line: row.line,
                    actual: row.grade.actual, absoluteError: row.grade.absoluteError,
                    outcome: .init(row.grade.outcome), profitUnits: row.grade.profitUnits)
            }, nextCursor: page.next?.text)
        let cache = try DateCaching(date: date, today: today).validate(body, ifNoneMatch: input.headers.ifNoneMatch)
        if cache.notModified { return .notModified }
        return .ok(.init(headers: .init(eTag: cache.eTag, cacheControl: cache.cacheControl), body: .json(body)))
    }

    func listGames(_ input: Operations.ListGames.Input) async throws -> Operations.ListGames.Output {
        let date = try Parameters.date(input.path.date)
        let reader = RawReader(db: store.sql)
        let lines = Dictionary(
            try await reader.gameLines(on: date).map { ($0.gameID, $0) }, uniquingKeysWith: { first, _ in first })
        let body = Components.Schemas.GameList(
            date: date.description,
            items: try await reader.scores(on: date).map { score in
                let line = lines[score.game.gameID]
                return Components.Schemas.Game(
                    gameId: score.game.gameID, gameDate: score.game.gameDate.description,
                    homeTeam: score.game.homeTeam.code, awayTeam: score.game.awayTeam.code,
                    status: score.homePoints == nil ? .scheduled : .final, homeScore: score.homePoints,
                    awayScore: score.awayPoints, spread: line?.homeSpread, total: line?.total)
            })
        let cache = try DateCaching(date: date, today: today).validate(body, ifNoneMatch: input.headers.ifNoneMatch)
        if cache.notModified { return .notModified }
        return .ok(.init(headers: .init(eTag: cache.eTag, cacheControl: cache.cacheControl), body: .json(body)))
    }
}
