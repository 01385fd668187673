import HoopcastCore
import HoopcastLive
import Testing

/// Every adapter on the real captured responses. Expected values were read from the payloads with Python's json
/// module, not produced by these parsers.
@Suite struct SourceParserTests {
    @Test func oddsAPIHistoricalEventsBecomeSourceGamesOnEasternDates() throws {
        let rows = try LiveFixtures.parse("odds_api.events", "oddsa_events_his/raw_4c3bc8f6.json")
        let games = try #require(rows.rows[.sourceGames])
        #expect(games.count == 10)
        // 2024-01-25T01:40:00Z is 20:40 on 2024-01-24 in New York.
        #expect(games[0]["source_game_id"] == "f137689983933840bf2f2a91278eb03b")
        #expect(games[0]["home_team"] == "DAL" && games[0]["away_team"] == "PHX")
        #expect(games[0]["game_date"] == "2024-01-24")
        let heat = try #require(games.first { $0["source_game_id"] == "ef90c3973321840601afc866d39ccb03" })
        #expect(heat["game_date"] == "2024-01-25" && heat["home_team"] == "MIA" && heat["away_team"] == "BOS")
    }

    @Test func oddsAPIGameLinesTakeTheHomeSpreadAndTheTotalPerBook() throws {
        let rows = try LiveFixtures.parse("odds_api.game_lines", "oddsa_game_lines_his/raw_b722994c.json")
        let lines = try #require(rows.rows[.gameLines])
        #expect(lines.count == 2)
        #expect(lines[0]["source"] == "odds_api.draftkings")
        #expect(
            lines[0]["home_team"] == "GSW" && lines[0]["away_team"] == "ATL" && lines[0]["game_date"] == "2024-01-24")
        #expect(lines[0]["home_spread"] == "-6.5" && lines[0]["total"] == "248.5")
        #expect(lines[1]["source"] == "odds_api.fanduel")
        #expect(lines[1]["home_spread"] == "-7.5" && lines[1]["total"] == "247.5")
        #expect(lines[0]["game_id"] == "")  // resolved from raw_games by the writer
    }

    @Test func oddsAPIDecimalMoneylinesBecomeAmericanOdds() throws {
        let rows = try LiveFixtures.parse("odds_api.game_lines", "odds_api_historical_game_lines/raw_9221b91f.json")
        let lines = try #require(rows.rows[.gameLines])
        // DraftKings: Atlanta 3.3 → +230, Golden State 1.32 → −100/0.32 = −312.5.
        #expect(lines[0]["away_moneyline"] == "230" && lines[0]["home_moneyline"] == "-312.5")
        // FanDuel: Atlanta 3.8 → +280, Golden State 1.26 → −100/0.26 = −384.615… → −384.62.
        #expect(lines[1]["away_moneyline"] == "280" && lines[1]["home_moneyline"] == "-384.62")
    }

    @Test func oddsAPIPropsCaptureWithoutPlayerMarketsIsATypedError() throws {
        // The captured "player props" response holds only spreads and totals: not an empty success.
        let error = try #require(throws: PayloadError.self) {
            try LiveFixtures.parse("odds_api.player_props", "oddsa_player_props_his/raw_815b3ee3.json")
        }
        #expect(error.kind == .noRows)
        #expect(error.reason.contains("spreads, totals"))
    }

    @Test func oddsAPIPlayerPropsPairOverAndUnderPerPlayerAndLine() throws {
        // The real capture's envelope and event, with its DraftKings market rewritten as a player_points market
        // (the capture has no player markets): shape per The Odds API's documented event-odds response.
        var text = String(decoding: try LiveFixtures.bytes("oddsa_player_props_his/raw_815b3ee3.json"), as: UTF8.self)
        let original =
            #"{"key":"spreads","last_update":"2024-01-25T03:55:22Z","outcomes":[{"name":"Atlanta Hawks","price":1.91,"point":6.5},{"name":"Golden State Warriors","price":1.83,"point":-6.5}]}"#
        let props =
            #"{"key":"player_points","last_update":"2024-01-25T03:55:22Z","outcomes":[{"name":"Over","description":"Stephen Curry","price":-115,"point":27.5},{"name":"Under","description":"Stephen Curry","price":-105,"point":27.5}]}"#
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: props)
        let endpoint = try #require(EndpointCatalog.endpoint("odds_api.player_props"))
        let rows = try endpoint.process(
            status: 200, contentType: "application/json", body: Array(text.utf8),
            context: ParseContext(date: GameDate("2024-01-24")!, fetchedAt: "x"))
        let lines = try #require(rows.rows[.propLines])
        #expect(lines.count == 1)
        let line = lines[0]
        #expect(line["player_name"] == "Stephen Curry" && line["market"] == "points" && line["line"] == "27.5")
        #expect(line["over_odds"] == "-115" && line["under_odds"] == "-105" && line["book"] == "draftkings")
        // Historical responses are snapshots at their timestamp.
        #expect(line["snapshot_utc"] == "2024-01-25T03:55:40Z")
        #expect(line["event_id"] == "cd0bc7d0c238f4446ce1c03d0cea7ec4" && line["game_date"] == "2024-01-24")
    }

    @Test func nbaStatsPlayerGameLogRowsAreBoxScores() throws {
        let rows = try LiveFixtures.parse("nba_stats.player_game_log", "nbac_player_boxscore/raw_2ad17718.json")
        let lines = try #require(rows.rows[.playerBoxscores])
        #expect(lines.count == 157)
        let curry = try #require(lines.first { $0["player_id"] == "201939" })
        #expect(curry["game_id"] == "0022400974" && curry["game_date"] == "2025-03-15" && curry["season"] == "2024-25")
        #expect(curry["team"] == "GSW" && curry["opponent"] == "NYK" && curry["is_home"] == "1")
        #expect(curry["minutes"] == "35" && curry["pts"] == "28" && curry["fgm"] == "8" && curry["fga"] == "20")
        #expect(curry["fg3m"] == "4" && curry["ftm"] == "8" && curry["reb"] == "7" && curry["ast"] == "5")
        #expect(curry["plus_minus"] == "-5" && curry["season_type"] == "regular_season")
        // Every row passes the import's own box-score validation (points = 2·fgm + fg3m + ftm, …).
        #expect(FieldRowWriterValidation.rejected(.playerBoxscores, lines) == 0)
    }

    @Test func nbaStatsTeamGameLogPairsTheTwoTeamsOfAGame() throws {
        // Derived from the real player capture (Fixtures/api-samples/derived/README.md); the Warriors–Knicks score
        // matches the real schedule's final (97–94).
        let rows = try LiveFixtures.parse("nba_stats.team_game_log", "derived/leaguegamelog_teams_2025-03-15.json")
        let games = try #require(rows.rows[.games])
        #expect(games.count == 8)
        let warriors = try #require(games.first { $0["game_id"] == "0022400974" })
        #expect(
            warriors == [
                "game_id": "0022400974", "season": "2024-25", "season_type": "regular_season",
                "game_date": "2025-03-15", "home_team": "GSW", "away_team": "NYK",
                "home_pts": "97", "away_pts": "94",
            ])
        // A player log served where the team log was asked for is schema drift, not wrong scores.
        let error = try #require(throws: PayloadError.self) {
            try LiveFixtures.parse("nba_stats.team_game_log", "nbac_player_boxscore/raw_2ad17718.json")
        }
        #expect(error.kind == .schemaDrift)
    }

    @Test func nbaStatsScoreboardJoinsHeadersAndLineScores() throws {
        let rows = try LiveFixtures.parse("nba_stats.scoreboard", "nbac_scoreboard_v2/raw_055ff78d.json")
        let games = try #require(rows.rows[.games])
        #expect(games.count == 11)
        #expect(
            games[0] == [
                "game_id": "0022300555", "season": "2023-24", "season_type": "regular_season",
                "game_date": "2024-01-15", "home_team": "PHI", "away_team": "HOU",
                "home_pts": "124", "away_pts": "115",
            ])
    }

    @Test func nbaStatsPlayerIndexListsPlayers() throws {
        let rows = try LiveFixtures.parse("nba_stats.player_index", "nbac_player_list/raw_7af00b51.json")
        let players = try #require(rows.rows[.sourcePlayers])
        #expect(players.count == 594)
        #expect(
            players[0] == [
                "source": "nba_stats", "source_player_id": "1630173", "player_name": "Precious Achiuwa",
                "team": "NYK", "position": "F", "jersey": "5",
            ])
    }

    @Test func nbaCDNScheduleKeepsTheDateAndSkipsPreseason() throws {
        let season = try LiveFixtures.parse("nba_cdn.schedule", "nbac_schedule_api/raw_80cb1fd6.json.gz")
        // 1,230 regular-season + 84 playoff + 6 play-in + 1 Cup final; 73 preseason and 6 All-Star games skipped.
        #expect(season.rows[.games]?.count == 1321)
        let day = try LiveFixtures.parse(
            "nba_cdn.schedule", "nbac_schedule_api/raw_80cb1fd6.json.gz",
            date: "2025-03-15", limitToDate: true)
        let games = try #require(day.rows[.games])
        #expect(games.count == 8)
        #expect(
            games[0] == [
                "game_id": "0022400968", "season": "2024-25", "season_type": "regular_season",
                "game_date": "2025-03-15", "home_team": "BKN", "away_team": "BOS",
                "home_pts": "113", "away_pts": "115",
            ])
        // Each game's tip-off (gameDateTimeUTC), which raw_games has no column for, as an nba_cdn source game.
        let tipoffs = try #require(day.rows[.sourceGames])
        #expect(tipoffs.count == 8)
        #expect(
            tipoffs[0] == [
                "source": "nba_cdn", "source_game_id": "0022400968", "game_date": "2025-03-15",
                "status": "final", "home_team": "BKN", "away_team": "BOS", "home_pts": "113",
                "away_pts": "115", "commence_utc": "2025-03-15T22:00:00Z",
            ])
        #expect(tipoffs.compactMap { $0["commence_utc"] }.max() == "2025-03-16T01:00:00Z")  // DEN–WAS, 21:00 EDT
        // A preseason-only schedule has no game of a stored type on an off day: a valid empty answer.
        let preseason = try LiveFixtures.parse("nba_cdn.schedule", "nbac_schedule_cdn/raw_68953816.json")
        #expect(preseason.total == 0)
    }

    @Test func nbaCDNPlayByPlayKeepsEveryAction() throws {
        let rows = try LiveFixtures.parse("nba_cdn.play_by_play", "nbac_play_by_play/raw_14ecf360.json.gz")
        let actions = try #require(rows.rows[.playByPlay])
        #expect(actions.count == 571)
        let shot = try #require(actions.first { $0["action_number"] == "12" })
        #expect(shot["game_id"] == "0022400500" && shot["team"] == "MIN" && shot["person_id"] == "203944")
        #expect(shot["action_type"] == "2pt" && shot["sub_type"] == "Jump Shot" && shot["clock"] == "PT11M15.00S")
        let last = try #require(actions.last)
        #expect(last["action_number"] == "688" && last["score_home"] == "108" && last["score_away"] == "106")
        #expect(actions.filter { !($0["team"] ?? "").isEmpty }.count == 562)
    }

    @Test func ballDontLieGamesBoxScoresInjuriesStandingsAndPlayers() throws {
        let games = try #require(try LiveFixtures.parse("bdl.games", "bdl_games/raw_278cb9ed.json").rows[.sourceGames])
        #expect(games.count == 9)
        #expect(
            games[0]["source_game_id"] == "15908525" && games[0]["home_team"] == "DEN" && games[0]["away_team"] == "CHA"
        )
        #expect(games[0]["home_pts"] == "129" && games[0]["away_pts"] == "115" && games[0]["game_date"] == "2025-02-20")

        let box = try #require(
            try LiveFixtures.parse("bdl.box_scores", "bdl_box_scores/raw_7a649e12.json").rows[.sourceBoxscores])
        #expect(box.count == 384)
        let batum = try #require(box.first { $0["player_name"] == "Nicolas Batum" })
        #expect(batum["source_game_id"] == "2024-01-15/PHI-HOU" && batum["team"] == "PHI")
        #expect(batum["minutes"] == "28" && batum["pts"] == "5" && batum["reb"] == "5" && batum["ast"] == "3")

        let injuries = try #require(
            try LiveFixtures.parse(
                "bdl.injuries", "bdl_injuries/raw_d45e630e.json",
                date: "2025-07-01"
            ).rows[.injuries])
        #expect(injuries.map { $0["player_name"]! } == ["Jaylen Brown", "Jayson Tatum"])
        #expect(injuries.map { $0["status"]! } == ["questionable", "out"])  // Day-To-Day is questionable
        #expect(injuries[0]["team"] == "BOS" && injuries[0]["game_date"] == "2025-07-01")

        let standings = try #require(
            try LiveFixtures.parse("bdl.standings", "bdl_standings/raw_395a0451.json").rows[.standings])
        #expect(standings.count == 30)
        #expect(standings[0]["team"] == "CLE" && standings[0]["wins"] == "64" && standings[0]["losses"] == "18")
        #expect(standings[0]["season"] == "2024-25" && standings[0]["conference_rank"] == "1")

        let players = try #require(
            try LiveFixtures.parse("bdl.players", "bdl_players/raw_e640d907.json").rows[.sourcePlayers])
        #expect(players.count == 49)
        #expect(players[0]["player_name"] == "James Ennis III" && players[0]["team"] == "DEN")
    }

    @Test func ballDontLieEmptyBoxScoresAreMissingData() throws {
        let error = try #require(throws: PayloadError.self) {
            try LiveFixtures.parse("bdl.box_scores", "bdl_box_scores/raw_d62cc934.json")
        }
        #expect(error.kind == .noRows)
    }

    @Test func espnScoreboardAndRoster() throws {
        let games = try #require(
            try LiveFixtures.parse("espn.scoreboard", "espn_scoreboard_api/raw_92de7c9a.json").rows[.sourceGames])
        #expect(games.count == 11)
        #expect(
            games[0]["source_game_id"] == "401585183" && games[0]["home_team"] == "PHI"
                && games[0]["away_team"] == "HOU")
        #expect(games[0]["home_pts"] == "124" && games[0]["away_pts"] == "115" && games[0]["game_date"] == "2024-01-15")
        let roster = try #require(
            try LiveFixtures.parse("espn.roster", "espn_roster_api/raw_2.json").rows[.sourcePlayers])
        #expect(roster.count == 17)
        let brown = try #require(roster.first { $0["source_player_id"] == "3917376" })
        #expect(brown["player_name"] == "Jaylen Brown" && brown["team"] == "BOS" && brown["position"] == "SG")
        #expect(brown["jersey"] == "7")
    }

    @Test func bettingProsEventsWithFinalScores() throws {
        let games = try #require(
            try LiveFixtures.parse("bettingpros.events", "bp_events/raw_75470647.json").rows[.sourceGames])
        #expect(games.count == 3)
        #expect(
            games[0]["source_game_id"] == "20879" && games[0]["home_team"] == "ATL" && games[0]["away_team"] == "DAL")
        #expect(games[0]["home_pts"] == "113" && games[0]["away_pts"] == "87" && games[0]["game_date"] == "2021-10-21")
    }
}
