import HoopcastCore
import HoopcastLive
import Testing

/// What `ingest` asks each source for, by phase; pure (no network).
@Suite struct RequestPlannerTests {
    let settings = SourceSettings(oddsAPIKey: "odds-secret-1", ballDontLieKey: "bdl-secret-1")

    @Test func allPhasesRequestEverySourceForTheDate() {
        let planner = RequestPlanner(date: GameDate("2025-03-15")!, settings: settings)
        #expect(planner.scheduleStage().map(\.endpoint) == ["nba_cdn.schedule"])
        let stage = planner.dateStage(seasonTypes: [.regularSeason])
        #expect(stage.map(\.endpoint) == [
            "nba_stats.scoreboard", "nba_stats.player_index", "nba_stats.team_game_log", "nba_stats.player_game_log",
            "bdl.games",
            "bdl.box_scores", "bdl.injuries", "bdl.standings", "bdl.players", "odds_api.events", "odds_api.game_lines",
            "espn.scoreboard", "bettingpros.events",
        ])
        let log = stage.first { $0.endpoint == "nba_stats.player_game_log" }!.request
        #expect(log.baseURL == "https://stats.nba.com" && log.path == "/stats/leaguegamelog")
        #expect(log.redactedParameters.contains("DateFrom=2025-03-15&DateTo=2025-03-15"))
        #expect(log.redactedParameters.contains("Season=2024-25&SeasonType=Regular%20Season"))
        let odds = stage.first { $0.endpoint == "odds_api.events" }!.request
        // The Eastern game day in UTC; the key travels as a secret query parameter.
        #expect(odds.redactedParameters == "apiKey=REDACTED&commenceTimeFrom=2025-03-15T10:00:00Z&commenceTimeTo=2025-03-16T10:00:00Z")
        #expect(odds.secretValues == ["odds-secret-1"])
        let games = stage.first { $0.endpoint == "bdl.games" }!.request
        #expect(games.headers.first { $0.name == "Authorization" }?.secret == true)
        #expect(games.secretValues == ["bdl-secret-1"])
        let espn = stage.first { $0.endpoint == "espn.scoreboard" }!.request
        #expect(espn.redactedParameters == "dates=20250315")
    }

    @Test func playoffDatesAskForPlayoffLogsAndIdsFanOut() {
        let planner = RequestPlanner(date: GameDate("2025-05-01")!, sources: ["nba_stats", "nba_cdn", "odds_api"],
                                     settings: settings)
        let logs = planner.dateStage(seasonTypes: [.playoffs]).filter { $0.endpoint == "nba_stats.player_game_log" }
        #expect(logs.count == 1 && logs[0].request.redactedParameters.contains("SeasonType=Playoffs"))
        let ids = planner.idStage(oddsEventIDs: ["e1"], finalGameIDs: ["0042400201"])
        #expect(ids.map(\.endpoint) == ["odds_api.player_props", "nba_cdn.play_by_play"])
        #expect(ids[0].request.path == "/v4/sports/basketball_nba/events/e1/odds")
        #expect(ids[0].request.redactedParameters.contains("markets=player_assists,player_blocks,player_points"))
        #expect(ids[1].request.path == "/static/json/liveData/playbyplay/playbyplay_0042400201.json")
        let morning = RequestPlanner(date: GameDate("2025-03-15")!, phase: .morning, sources: ["espn"], settings: settings)
        let rosters = morning.idStage(oddsEventIDs: [], finalGameIDs: ["0022400968"], teams: [Team("BOS")!, Team("BKN")!])
        // Morning: rosters of the teams playing (ESPN ids 17 and 2), no play-by-play yet.
        #expect(rosters.map(\.request.path) == ["/apis/site/v2/sports/basketball/nba/teams/17",
                                                "/apis/site/v2/sports/basketball/nba/teams/2"])
    }

    @Test func phasesAndSourcesNarrowThePlan() {
        let pretip = RequestPlanner(date: GameDate("2025-03-15")!, phase: .pretip, settings: settings)
        #expect(pretip.dateStage(seasonTypes: [.regularSeason]).map(\.endpoint)
            == ["bdl.injuries", "odds_api.events", "odds_api.game_lines"])
        let overnight = RequestPlanner(date: GameDate("2025-03-15")!, phase: .overnight, sources: ["bdl"],
                                       settings: settings)
        #expect(overnight.scheduleStage().isEmpty)
        #expect(overnight.dateStage(seasonTypes: [.regularSeason]).map(\.endpoint) == ["bdl.games", "bdl.box_scores"])
        let noKeys = RequestPlanner(date: GameDate("2025-03-15")!, settings: SourceSettings())
        #expect(!noKeys.dateStage(seasonTypes: [.regularSeason]).contains { $0.endpoint.hasPrefix("odds_api") })
        #expect(noKeys.idStage(oddsEventIDs: ["e1"], finalGameIDs: []).isEmpty)
    }

    @Test func historicalSnapshotsUseTheHistoricalEndpoints() {
        let planner = RequestPlanner(date: GameDate("2024-01-24")!, sources: ["odds_api"], settings: settings,
                                     oddsSnapshot: "2024-01-24T22:00:00Z")
        let stage = planner.dateStage(seasonTypes: [.regularSeason])
        #expect(stage.map(\.request.path) == ["/v4/historical/sports/basketball_nba/events",
                                               "/v4/historical/sports/basketball_nba/odds"])
        #expect(stage[0].request.redactedParameters.contains("date=2024-01-24T22:00:00Z"))
        let props = planner.idStage(oddsEventIDs: ["e9"], finalGameIDs: [])
        #expect(props[0].request.path == "/v4/historical/sports/basketball_nba/events/e9/odds")
    }
}
