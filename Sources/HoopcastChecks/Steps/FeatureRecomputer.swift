import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit

/// Rebuilds a sample of a date's feature rows from the raw rows, through the feature store's own pure path:
/// box scores → ``GameSummarizer`` → player and team games; schedule and game lines → ``UpcomingContextBuilder``;
/// the injury reports → ``InjuryReportCut``; all of it → ``FeatureBuilder``. The line of each row is the
/// stored one (the feature step decides it once). Box scores are read through a dated cache, summarised once per
/// game and reused from one date to the next in a backfill (a date whose box scores change is read again).
struct FeatureRecomputer: Sendable {
    /// Days of box scores kept: from any date back to the start of the previous season.
    static let historyDays = 800

    /// One game summarised from its box scores (or why it could not be).
    struct SummarisedGame: Sendable {
        var gameID: String
        var season: Season
        /// The players' ids, in the order of ``players`` (searched without copying the rows).
        var playerIDs: [Int]
        var players: [PlayerGameRow]
        var teams: [TeamGameRow]
        var failure: String?
    }

    let history = DatedCache<SummarisedGame>(windowDays: FeatureRecomputer.historyDays)

    /// The players sampled on `date`: the first `size` of the rows' players by a stable hash of date and player, so
    /// every run of the date samples the same players and every date others.
    static func sample(_ rows: [StoredFeatureRow], date: GameDate, size: Int) -> [Int] {
        let players = Set(rows.map(\.playerID))
        return players.map { player -> (String, Int) in
            var hash = StableHash()
            hash.combine("\(date)/\(player)")
            return (hash.hex, player)
        }
        .sorted { $0 < $1 }.prefix(size).map(\.1).sorted()
    }

    /// The sampled players' rows of `date` rebuilt from the raw rows read through `db`.
    func rebuild(
        date: GameDate, players: [Int], stored: [StoredFeatureRow], schedule: [ScheduledGame], db: any SQLDatabase
    ) async throws -> Recomputation {
        guard let season = schedule.first?.season, !players.isEmpty else {
            return Recomputation(players: players, rebuilt: [])
        }
        let raw = RawReader(db: db)
        let contexts = UpcomingContextBuilder.build(
            date: date, games: schedule,
            previousGames: try await previousGames(date: date, schedule: schedule, season: season, db: db),
            lines: try await raw.gameLines(on: date))
        let versions = try await PartitionVersions.read(
            [BoxScoreRecord.table], from: date.adding(days: -FeatureRecomputer.historyDays).description,
            before: date.description, on: db)
        let games = try await history.rows(before: date, versions: versions) { from, before in
            FeatureRecomputer.summarise(try await RawReader(db: db).boxScores(from: from, before: before))
        }
        // The availability features of a player depend on his teammates' games, so every player who played for a
        // team of a sampled player's game this season or last is read (all of his games), and only the sampled
        // players' rows are compared.
        let sampled = Set(players), seasons: Set<Season> = [season, Season(startYear: season.startYear - 1)]
        let sampledGames = Set(stored.lazy.filter { sampled.contains($0.playerID) }.map(\.gameID))
        let teams = Set(contexts.lazy.filter { sampledGames.contains($0.gameID) }.map(\.team))
        var involved = sampled
        for game in games where seasons.contains(game.season) && game.teams.contains(where: { teams.contains($0.team) })
        {
            for row in game.players where teams.contains(row.team) { involved.insert(row.playerID) }
        }
        var playerGames: [PlayerGameRow] = [], teamGames: [TeamGameRow] = [], unsummarised: [String] = []
        let thisSeason = season.firstPossibleDate
        for index in games.indices {
            if let failure = games[index].failure { unsummarised.append(failure) }
            guard seasons.contains(games[index].season) else { continue }
            for (position, player) in games[index].playerIDs.enumerated() where involved.contains(player) {
                playerGames.append(games[index].players[position])
            }
            if let first = games[index].teams.first, first.gameDate >= thisSeason {
                teamGames.append(contentsOf: games[index].teams)
            }
        }
        var lines: [PlayerMarketKey: ChosenLine] = [:]
        for row in stored where involved.contains(row.playerID) {
            if let line = row.line { lines[PlayerMarketKey(playerID: row.playerID, market: row.market)] = line }
        }
        let reports = try await InjuryReportReader(db: db).entries(on: date)
        let rebuilt = FeatureBuilder.build(
            FeatureInputs(
                date: date, contexts: contexts, playerGames: playerGames, teamGames: teamGames, lines: lines,
                injuries: InjuryReportCut.atPredictionTime(reports),
                submittedTeams: InjuryReportCut.submittedAtPredictionTime(reports)),
            only: sampled)
        return Recomputation(players: players, rebuilt: rebuilt, unsummarised: unsummarised)
    }

    /// Days of schedule read before the date for the contexts: enough to hold every team's latest game of the
    /// season on any date (the season's whole schedule is read when a team of the date has none in them).
    static let scheduleDays = 30

    /// The season's games before `date` that the contexts of `date` depend on: each team's latest and its last
    /// seven days' games. Reads the last ``scheduleDays`` days, and the whole season only when a team of the date
    /// has not played in them (the season's first games) — the same contexts as from the whole season, for a
    /// twentieth of the rows.
    func previousGames(date: GameDate, schedule: [ScheduledGame], season: Season, db: any SQLDatabase) async throws
        -> [ScheduledGame]
    {
        let raw = RawReader(db: db)
        let recent = try await raw.games(
            from: date.adding(days: -FeatureRecomputer.scheduleDays), to: date.adding(days: -1)
        ).filter { $0.season == season }
        let played = Set(recent.flatMap { [$0.homeTeam, $0.awayTeam] })
        guard schedule.allSatisfy({ played.contains($0.homeTeam) && played.contains($0.awayTeam) }) else {
            return try await raw.games(season: season, before: date)
        }
        return recent
    }

    /// Box scores summarised game by game, keyed by date (a game that cannot be summarised keeps its reason).
    static func summarise(_ lines: [BoxScoreLine]) -> [(date: GameDate, row: SummarisedGame)] {
        var byGame: [String: [BoxScoreLine]] = [:]
        for line in lines { byGame[line.gameID, default: []].append(line) }
        return byGame.keys.sorted().map { gameID in
            let gameLines = byGame[gameID]!
            let (date, season) = (gameLines[0].gameDate, gameLines[0].season)
            do {
                let (players, teams) = try GameSummarizer.summarize(gameLines)
                let rows = players.map(PlayerGameRow.init)
                return (
                    date,
                    SummarisedGame(
                        gameID: gameID, season: season, playerIDs: rows.map(\.playerID), players: rows,
                        teams: teams.map(TeamGameRow.init), failure: nil)
                )
            } catch {
                return (
                    date,
                    SummarisedGame(
                        gameID: gameID, season: season, playerIDs: [], players: [], teams: [],
                        failure: String(describing: error))
                )
            }
        }
    }
}
