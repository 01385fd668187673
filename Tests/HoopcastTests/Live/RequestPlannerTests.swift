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
        #expect(
            stage.map(\.endpoint) == [
                "nba_stats.scoreboard", "nba_stats.player_index", "nba_stats.team_game_log",
                "nba_stats.player_game_log",
                "bdl.games",
                "bdl.box_scores", "bdl.injuries", "bdl.standings", "bdl.players", "odds_api.events",
                "odds_api.game_lines",
                "espn.scoreboard", "bettingpros.events",
            ] + Array(repeating: "bettingpros.player_props", count: 7))
        let log = stage.first { $0.endpoint == "nba_stats.player_game_log" }!.request
        #expect(log.baseURL == "https://stats.nba.com" && log.path == "/stats/leaguegamelog")
        #expect(log.redactedParameters.contains("DateFrom=2025-03-15&DateTo=2025-03-15"))
        #expect(log.redactedParameters.contains("Season=2024-25&SeasonType=Regular%20Season"))
        let odds = stage.first { $0.endpoint == "odds_api.events" }!.request
        // The Eastern game day in UTC; the key travels as a secret query parameter.
        #expect(
            odds.redactedParameters
                == "apiKey=REDACTED&commenceTimeFrom=2025-03-15T10:00:00Z&commenceTimeTo=2025-03-16T10:00:00Z")
        #expect(odds.secretValues == ["odds-secret-1"])
        let games = stage.first { $0.endpoint == "bdl.games" }!.request
        #expect(games.headers.first { $0.name == "Authorization" }?.secret == true)
        #expect(games.secretValues == ["bdl-secret-1"])
        let espn = stage.first { $0.endpoint == "espn.scoreboard" }!.request
        #expect(espn.redactedParameters == "dates=20250315")
    }

    @Test func playoffDatesAskForPlayoffLogsAndIdsFanOut() {
        let planner = RequestPlanner(
            date: GameDate("2025-05-01")!, sources: ["nba_stats", "nba_cdn", "odds_api"],
            settings: settings)
        let logs = planner.dateStage(seasonTypes: [.playoffs]).filter { $0.endpoint == "nba_stats.player_game_log" }
        #expect(logs.count == 1 && logs[0].request.redactedParameters.contains("SeasonType=Playoffs"))
        let ids = planner.idStage(oddsEventIDs: ["e1"], finalGameIDs: ["0042400201"])
        #expect(
            ids.map(\.endpoint) == ["odds_api.player_props", "nba_stats.boxscore_traditional", "nba_cdn.play_by_play"])
        #expect(ids[0].request.path == "/v4/sports/basketball_nba/events/e1/odds")
        #expect(ids[0].request.redactedParameters.contains("markets=player_assists,player_blocks,player_points"))
        #expect(ids[1].request.path == "/stats/boxscoretraditionalv2")
        #expect(
            ids[1].request.redactedParameters
                == "EndPeriod=0&EndRange=0&GameID=0042400201&RangeType=0&StartPeriod=0&StartRange=0")
        #expect(ids[1].request.headers.contains { $0.name == "x-nba-stats-origin" })
        #expect(ids[2].request.path == "/static/json/liveData/playbyplay/playbyplay_0042400201.json")
        let morning = RequestPlanner(
            date: GameDate("2025-03-15")!, phase: .morning, sources: ["espn"], settings: settings)
        let rosters = morning.idStage(
            oddsEventIDs: [], finalGameIDs: ["0022400968"], teams: [Team("BOS")!, Team("BKN")!])
        // Morning: rosters of the teams playing (ESPN ids 17 and 2), no play-by-play yet.
        #expect(
            rosters.map(\.request.path) == [
                "/apis/site/v2/sports/basketball/nba/teams/17",
                "/apis/site/v2/sports/basketball/nba/teams/2",
            ])
    }

    @Test func phasesAndSourcesNarrowThePlan() {
        let pretip = RequestPlanner(date: GameDate("2025-03-15")!, phase: .pretip, settings: settings)
        #expect(
            pretip.dateStage(seasonTypes: [.regularSeason]).map(\.endpoint)
                == ["bdl.injuries", "odds_api.events", "odds_api.game_lines"]
                + Array(repeating: "bettingpros.player_props", count: 7))
        let overnight = RequestPlanner(
            date: GameDate("2025-03-15")!, phase: .overnight, sources: ["bdl"],
            settings: settings)
        #expect(overnight.scheduleStage().isEmpty)
        #expect(overnight.dateStage(seasonTypes: [.regularSeason]).map(\.endpoint) == ["bdl.games", "bdl.box_scores"])
        let noKeys = RequestPlanner(date: GameDate("2025-03-15")!, settings: SourceSettings())
        #expect(!noKeys.dateStage(seasonTypes: [.regularSeason]).contains { $0.endpoint.hasPrefix("odds_api") })
        #expect(noKeys.idStage(oddsEventIDs: ["e1"], finalGameIDs: []).isEmpty)
    }

    @Test func endpointKeysSelectSingleEndpointsAndTheOvernightPhaseFetchesBoxScores() {
        let planner = RequestPlanner(
            date: GameDate("2025-01-15")!, phase: .overnight,
            sources: ["nba_stats.boxscore_traditional", "nba_cdn"], settings: settings)
        #expect(planner.scheduleStage().map(\.endpoint) == ["nba_cdn.schedule"])
        #expect(planner.dateStage(seasonTypes: [.regularSeason]).isEmpty)
        #expect(
            planner.idStage(oddsEventIDs: [], finalGameIDs: ["0022400561"]).map(\.endpoint)
                == ["nba_stats.boxscore_traditional", "nba_cdn.play_by_play"])
        // Morning and pre-tip come before the games: no box scores.
        for phase in [IngestPhase.morning, .pretip] {
            #expect(
                !RequestPlanner(date: GameDate("2025-01-15")!, phase: phase, settings: settings)
                    .idStage(oddsEventIDs: [], finalGameIDs: ["0022400561"]).contains {
                        $0.endpoint.hasPrefix("nba_stats")
                    })
        }
    }

    /// ESPN's team pages carry ESPN's own team list (`{"id":"7","href":".../name/den/denver-nuggets",…}`); the
    /// captured Celtics roster page (`espn_roster/raw_bos.html.gz`) lists all 30. The table must agree with it.
    @Test func espnTeamIDsMatchESPNsOwnTeamList() throws {
        let page = String(decoding: try LiveFixtures.bytes("espn_roster/raw_bos.html.gz"), as: UTF8.self)
        let pattern = #/\{"id":"(\d+)","href":"https://www\.espn\.com/nba/team/_/name/([a-z]+)/[a-z0-9-]+","name":"/#
        var fromPage: [String: Int] = [:]
        for match in page.matches(of: pattern) {
            let team = try #require(
                Team(String(match.output.2).uppercased()), "unknown ESPN abbreviation \(match.output.2)")
            fromPage[team.code] = Int(match.output.1)
        }
        #expect(fromPage.count == 30)
        #expect(fromPage == RequestPlanner.espnTeamIDs)
        // The eight not in any captured scoreboard.
        #expect(
            ["DEN", "LAC", "MIL", "MIN", "PHX", "POR", "SAC", "CHA"].map { fromPage[$0] } == [
                7, 12, 15, 16, 21, 22, 23, 30,
            ])
    }

    @Test func historicalSnapshotsUseTheHistoricalEndpoints() {
        let planner = RequestPlanner(
            date: GameDate("2024-01-24")!, sources: ["odds_api"], settings: settings,
            oddsSnapshot: "2024-01-24T22:00:00Z")
        let stage = planner.dateStage(seasonTypes: [.regularSeason])
        #expect(
            stage.map(\.request.path) == [
                "/v4/historical/sports/basketball_nba/events",
                "/v4/historical/sports/basketball_nba/odds",
            ])
        #expect(stage[0].request.redactedParameters.contains("date=2024-01-24T22:00:00Z"))
        let props = planner.idStage(oddsEventIDs: ["e9"], finalGameIDs: [])
        #expect(props[0].request.path == "/v4/historical/sports/basketball_nba/events/e9/odds")
    }
}
