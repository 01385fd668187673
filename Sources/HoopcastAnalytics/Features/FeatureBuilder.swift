import HoopcastCore
import HoopcastIngest

/// Pure computation of feature set ``Feature/version`` for one date from batch-loaded inputs.
public enum FeatureBuilder {
    /// How many of a team's latest games define its active players.
    public static let rosterWindow = 5
    /// Games a player needs before the date for a prediction (otherwise the row is skipped with the reason).
    public static let minimumGames = 3

    /// Rows for every active player of every game on the date, for every market, sorted by game, player, market.
    ///
    /// With `only`, the rows of those players alone: each exactly as in the full build (a player's availability
    /// features still come from his whole roster), for a check that rebuilds a sample.
    public static func build(_ inputs: FeatureInputs, only: Set<Int>? = nil) -> [FeatureRow] {
        let history = Dictionary(grouping: inputs.playerGames.filter { $0.gameDate < inputs.date }, by: \.playerID)
            .mapValues { $0.sorted { ($0.gameDate, $0.gameID) > ($1.gameDate, $1.gameID) } }  // newest first
        let teamGames = Dictionary(grouping: inputs.teamGames.filter { $0.gameDate < inputs.date }, by: \.team)
            .mapValues { $0.sorted { ($0.gameDate, $0.gameID) > ($1.gameDate, $1.gameID) } }
        let league = LeagueAverages(inputs.teamGames.filter { $0.gameDate < inputs.date })
        let ruledOut = outReasons(inputs.injuries)
        var statuses: [GameTeam: [Int: InjuryStatus]] = [:]
        for listing in inputs.injuries {
            guard let playerID = listing.playerID else { continue }
            statuses[GameTeam(gameID: listing.gameID, team: listing.team), default: [:]][playerID] = listing.status
        }
        var rows: [FeatureRow] = []
        for context in inputs.contexts.sorted(by: { ($0.gameID, $0.team) < ($1.gameID, $1.team) }) {
            let players = activePlayers(
                team: context.team, context: context, teamGames: teamGames[context.team] ?? [],
                history: history, lines: inputs.lines)
            if let only, players.isDisjoint(with: only) { continue }
            let game = GameTeam(gameID: context.gameID, team: context.team)
            let availability = TeamAvailability.compute(
                roster: players, history: history, teamGames: teamGames[context.team] ?? [],
                statuses: inputs.submittedTeams.contains(game) ? statuses[game] ?? [:] : nil, season: context.season)
            for playerID in players.sorted() where only?.contains(playerID) ?? true {
                let out = ruledOut[OutKey(gameID: context.gameID, team: context.team, playerID: playerID)]
                for market in Market.allCases {
                    var featureRow = row(
                        playerID: playerID, market: market, context: context,
                        games: history[playerID] ?? [], teamGames: teamGames, league: league,
                        line: inputs.lines[PlayerMarketKey(playerID: playerID, market: market)],
                        availability: availability[playerID])
                    if let out { featureRow.skipReason = out }
                    rows.append(featureRow)
                }
            }
        }
        return rows
    }

    /// How the gate's reason for a player listed out begins (followed by the report's time and the printed reason).
    public static let outReasonPrefix = "out in the injury report of "

    /// A player of a team in a game.
    struct OutKey: Hashable {
        var gameID: String
        var team: Team
        var playerID: Int
    }

    /// The gate's reason for every resolved player listed ``InjuryStatus/out`` on the report in force at the
    /// prediction time: such a player gets no prediction.
    static func outReasons(_ injuries: [ReportedAvailability]) -> [OutKey: String] {
        var reasons: [OutKey: String] = [:]
        for listing in injuries where listing.status == .out {
            guard let playerID = listing.playerID else { continue }
            let why = listing.reason.isEmpty ? "" : " (\(listing.reason))"
            reasons[OutKey(gameID: listing.gameID, team: listing.team, playerID: playerID)] =
                "\(outReasonPrefix)\(listing.reportUTC)\(why)"
        }
        return reasons
    }

    /// The games of the player's season window, newest first: this season's games before the date, or — when he has
    /// none yet — those of his latest earlier season.
    static func seasonWindow(_ games: [PlayerGameRow], season: Season) -> [PlayerGameRow] {
        let seasonGames = games.filter { $0.season == season }
        return seasonGames.isEmpty
            ? games.filter { $0.season < season && $0.season == games.first?.season } : seasonGames
    }

    /// Players who played for the team in its latest games this season, plus players with a line on the date whose
    /// latest game was for this team.
    static func activePlayers(
        team: Team, context: UpcomingContext, teamGames: [TeamGameRow],
        history: [Int: [PlayerGameRow]], lines: [PlayerMarketKey: ChosenLine]
    ) -> Set<Int> {
        let recentGames = Set(teamGames.prefix(rosterWindow).map(\.gameID))
        var players: Set<Int> = []
        for (playerID, games) in history {
            guard let latest = games.first else { continue }
            if latest.team == team, games.contains(where: { recentGames.contains($0.gameID) && $0.team == team }) {
                players.insert(playerID)
            }
        }
        for key in lines.keys where history[key.playerID]?.first?.team == team {
            players.insert(key.playerID)
        }
        return players
    }

    static func row(
        playerID: Int, market: Market, context: UpcomingContext, games: [PlayerGameRow],
        teamGames: [Team: [TeamGameRow]], league: LeagueAverages, line: ChosenLine?, availability: PlayerAvailability?
    ) -> FeatureRow {
        var values: FeatureValues = FeatureValues()
        var defaulted: Set<Feature> = []
        func set(_ feature: Feature, _ value: Double?, default fallback: Double) {
            if let value, value.isFinite {
                values[feature] = value
            } else {
                values[feature] = fallback
                defaulted.insert(feature)
            }
        }
        let seasonGames = games.filter { $0.season == context.season }
        let seasonWindow = FeatureBuilder.seasonWindow(games, season: context.season)
        let last5 = Array(games.prefix(5)), last10 = Array(games.prefix(10))
        let stat = { (game: PlayerGameRow) in game.stat(market) }

        let last10Mean = Stats.mean(last10.map(stat))
        set(.statLast5Mean, Stats.mean(last5.map(stat)), default: 0)
        set(.statLast10Mean, last10Mean, default: 0)
        set(.statSeasonMean, Stats.mean(seasonWindow.map(stat)), default: 0)
        set(.statLast10Std, Stats.standardDeviation(last10.map(stat)), default: 0)
        set(.statTrend, Stats.slope(last10.reversed().map(stat)), default: 0)
        set(.statLastGame, games.first.map(stat), default: 0)
        let minutes5 = Stats.mean(last5.map(\.minutes)), minutesSeason = Stats.mean(seasonWindow.map(\.minutes))
        set(.minutesLast5Mean, minutes5, default: 0)
        set(.minutesSeasonMean, minutesSeason, default: 0)
        set(.minutesTrend, Stats.difference(minutes5, minutesSeason), default: 0)
        let perMinute10 = Stats.ratio(last10.map(stat).reduce(0, +), last10.map(\.minutes).reduce(0, +))
        let perMinuteSeason = Stats.ratio(seasonWindow.map(stat).reduce(0, +), seasonWindow.map(\.minutes).reduce(0, +))
        set(.statPerMinuteLast10, perMinute10, default: 0)
        set(.statPerMinuteSeason, perMinuteSeason, default: 0)
        set(.statPerMinuteChange, Stats.difference(perMinute10, perMinuteSeason), default: 0)
        values[.gamesPlayedSeason] = Double(seasonGames.count)

        set(.restDays, context.restDays.map(Double.init), default: 3)
        values[.backToBack] = context.backToBack ? 1 : 0
        values[.gamesLast7Days] = Double(context.gamesLast7Days)
        set(.opponentRestDays, context.opponentRestDays.map(Double.init), default: 3)
        let weekAgo = context.gameDate.adding(days: -7)
        set(
            .minutesLast7Days,
            games.isEmpty ? nil : games.filter { $0.gameDate >= weekAgo }.map(\.minutes).reduce(0, +),
            default: 0)
        values[.isHome] = context.isHome ? 1 : 0

        let opponentLast10 = Array((teamGames[context.opponent] ?? []).prefix(10))
        let teamLast10 = Array((teamGames[context.team] ?? []).prefix(10))
        set(.opponentDefensiveRating, Stats.mean(opponentLast10.map(\.defensiveRating)), default: league.rating ?? 110)
        set(.opponentPace, Stats.mean(opponentLast10.map(\.pace)), default: league.pace ?? 99)
        let allowed = Stats.mean(opponentLast10.compactMap { $0.allowed[market] })
        set(.opponentAllowedVsLeague, Stats.ratio(allowed, league.perTeamGame[market]), default: 1)
        set(.teamPace, Stats.mean(teamLast10.map(\.pace)), default: league.pace ?? 99)
        set(.teamOffensiveRating, Stats.mean(teamLast10.map(\.offensiveRating)), default: league.rating ?? 110)

        let versus = games.filter { $0.opponent == context.opponent }
        set(.versusOpponentMean, Stats.mean(versus.map(stat)), default: values[.statSeasonMean] ?? 0)
        values[.versusOpponentGames] = Double(versus.count)
        let fga = Double(seasonWindow.map(\.fieldGoalsAttempted).reduce(0, +))
        set(
            .threeAttemptRateSeason, Stats.ratio(Double(seasonWindow.map(\.threesAttempted).reduce(0, +)), fga),
            default: 0)
        set(
            .freeThrowRateSeason, Stats.ratio(Double(seasonWindow.map(\.freeThrowsAttempted).reduce(0, +)), fga),
            default: 0)
        set(.shotsShareLast10, Stats.mean(last10.compactMap(\.teamShotsShare)), default: 0)
        set(.pointsShareLast10, Stats.mean(last10.compactMap(\.teamPointsShare)), default: 0)

        set(.spread, context.spread, default: 0)
        set(.total, context.total, default: league.totalPoints ?? 225)
        let total = values[.total]!, spread = values[.spread]!
        set(.impliedTeamTotal, context.total == nil ? nil : (total - spread) / 2, default: (total - spread) / 2)

        set(.line, line?.line, default: values[.statLast10Mean] ?? 0)
        set(.lineMovement, line?.movement, default: 0)
        values[.hasLine] = line == nil ? 0 : 1
        set(.lineMinusLast10, line.flatMap { line in last10Mean.map { line.line - $0 } }, default: 0)
        set(.booksQuoting, line.map { Double($0.books) }, default: 0)
        values[.isPlayoffs] = context.seasonType == .playoffs || context.seasonType == .playIn ? 1 : 0

        set(.playProbability, availability?.playProbability, default: 1)
        values[.missedLastGame] = availability?.missedLastGame == true ? 1 : 0
        values[.vacatedMinutes] = availability?.vacatedMinutes ?? 0
        values[.vacatedShotsShare] = availability?.vacatedShotsShare ?? 0
        values[.starterProxy] = availability?.starter == true ? 1 : 0
        set(.expectedMinutes, availability?.expectedMinutes, default: values[.minutesLast5Mean] ?? 0)
        set(.lineBooksRange, line?.range, default: 0)
        set(
            .marketOverProbability,
            line.flatMap { LinePolicy.vigFreeOverProbability(overOdds: $0.overOdds, underOdds: $0.underOdds) },
            default: 0.5)

        var skipReason: String?
        if games.count < minimumGames {
            skipReason = "only \(games.count) games before \(context.gameDate) (need \(minimumGames))"
        } else if let missing = Feature.required.filter({ defaulted.contains($0) }).map(\.rawValue).sorted().first {
            skipReason = "required feature \(missing) has no real data"
        }
        return FeatureRow(
            gameID: context.gameID, playerID: playerID, team: context.team, market: market,
            values: values, defaulted: defaulted, skipReason: skipReason, line: line)
    }
}
