import HoopcastCore

/// A request to send and the endpoint that parses its answer.
public struct PlannedRequest: Sendable, Hashable {
    /// `source.endpoint`.
    public var endpoint: String
    /// The request.
    public var request: SourceRequest
}

/// Builds the requests of a date (pure: no I/O). Stage one fetches the schedule; stage two everything that needs
/// only the date; stage three what needs ids found by the earlier stages (props per odds event, play-by-play per
/// game).
public struct RequestPlanner: Sendable {
    /// The date to ingest.
    public let date: GameDate
    /// Which endpoints run.
    public let phase: IngestPhase
    /// Selected sources (`nba_stats`) or single endpoints (`nba_stats.boxscore_traditional`); nil: all.
    public let sources: Set<String>?
    /// Base URLs and keys.
    public let settings: SourceSettings
    /// For past dates: fetch The Odds API's historical snapshot at this ISO-8601 UTC time instead of live odds.
    public let oddsSnapshot: String?

    /// Creates a planner.
    public init(
        date: GameDate, phase: IngestPhase = .all, sources: Set<String>? = nil, settings: SourceSettings,
        oddsSnapshot: String? = nil
    ) {
        self.date = date
        self.phase = phase
        self.sources = sources
        self.settings = settings
        self.oddsSnapshot = oddsSnapshot
    }

    static let statsHeaders: [SourceRequest.QueryItem] = [
        .init("User-Agent", "Mozilla/5.0 (compatible; hoopcast)"), .init("Referer", "https://www.nba.com/"),
        .init("Origin", "https://www.nba.com"), .init("Accept", "application/json"),
        .init("x-nba-stats-origin", "stats"), .init("x-nba-stats-token", "true"),
    ]

    func wanted(_ key: String) -> Bool {
        let source = String(key.prefix { $0 != "." })
        return (sources.map { $0.contains(source) || $0.contains(key) } ?? true) && phase.includes(key)
    }

    func request(
        _ key: String, path: String, query: [SourceRequest.QueryItem] = [],
        headers: [SourceRequest.QueryItem] = []
    ) -> PlannedRequest? {
        guard wanted(key), let endpoint = EndpointCatalog.endpoint(key) else { return nil }
        let base = settings.baseURLs[endpoint.source] ?? SourceSettings.defaultBaseURLs[endpoint.source]!
        return PlannedRequest(
            endpoint: key,
            request: SourceRequest(
                source: endpoint.source, endpoint: endpoint.name, policyHost: endpoint.host, baseURL: base, path: path,
                query: query, headers: headers))
    }

    /// Stage one: the schedule (NBA.com CDN).
    public func scheduleStage() -> [PlannedRequest] {
        [request("nba_cdn.schedule", path: "/static/json/staticData/scheduleLeagueV2.json")].compactMap { $0 }
    }

    /// Stage two, given the season types of the date's scheduled games.
    public func dateStage(seasonTypes: Set<SeasonType>) -> [PlannedRequest] {
        let day = date.description
        let season = date.season
        var planned: [PlannedRequest?] = [
            request(
                "nba_stats.scoreboard", path: "/stats/scoreboardv2",
                query: [.init("DayOffset", "0"), .init("GameDate", day), .init("LeagueID", "00")],
                headers: RequestPlanner.statsHeaders),
            request(
                "nba_stats.player_index", path: "/stats/playerindex",
                query: [.init("LeagueID", "00"), .init("Season", season.description)],
                headers: RequestPlanner.statsHeaders),
        ]
        for type in seasonTypes.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let statsType = RequestPlanner.statsSeasonType(type) else { continue }
            for (key, who) in [("nba_stats.team_game_log", "T"), ("nba_stats.player_game_log", "P")] {
                planned.append(
                    request(
                        key, path: "/stats/leaguegamelog",
                        query: [
                            .init("Counter", "1000"), .init("DateFrom", day), .init("DateTo", day),
                            .init("Direction", "DESC"),
                            .init("LeagueID", "00"), .init("PlayerOrTeam", who), .init("Season", season.description),
                            .init("SeasonType", statsType), .init("Sorter", "DATE"),
                        ], headers: RequestPlanner.statsHeaders))
            }
        }
        if let key = settings.ballDontLieKey {
            let auth = [SourceRequest.QueryItem("Authorization", key, secret: true)]
            planned += [
                request(
                    "bdl.games", path: "/v1/games", query: [.init("dates[]", day), .init("per_page", "100")],
                    headers: auth),
                request("bdl.box_scores", path: "/v1/box_scores", query: [.init("date", day)], headers: auth),
                request("bdl.injuries", path: "/v1/player_injuries", query: [.init("per_page", "100")], headers: auth),
                request(
                    "bdl.standings", path: "/v1/standings", query: [.init("season", "\(season.startYear)")],
                    headers: auth),
                request("bdl.players", path: "/v1/players/active", query: [.init("per_page", "100")], headers: auth),
            ]
        }
        if let key = settings.oddsAPIKey {
            planned += oddsDateRequests(key: key)
        }
        let compact = day.filter { $0 != "-" }
        planned += [
            request(
                "espn.scoreboard", path: "/apis/site/v2/sports/basketball/nba/scoreboard",
                query: [.init("dates", String(compact))]),
            request("bettingpros.events", path: "/v3/events", query: [.init("sport", "NBA"), .init("date", day)]),
        ]
        planned += bettingProsPropRequests()
        return planned.compactMap { $0 }
    }

    /// The most props BettingPros is asked for per page; `LiveIngestor` follows the pages (`page=2`, …).
    static let bettingProsPageSize = 1000

    /// BettingPros props of the date, one request per book of ``BettingProsBooks/requested`` (a request naming
    /// several books answers with the best line across them, not each book's), every mapped market, with the
    /// events (game date, teams, tip-off) and the selections (opening lines).
    func bettingProsPropRequests() -> [PlannedRequest?] {
        BettingProsBooks.requested.map { book in
            request(
                "bettingpros.player_props", path: "/v3/props",
                query: [
                    .init("sport", "NBA"), .init("date", date.description), .init("book_id", String(book)),
                    .init("market_id", BettingProsMarkets.requestParameter),
                    .init("limit", String(RequestPlanner.bettingProsPageSize)), .init("include_events", "true"),
                    .init("include_selections", "true"),
                ])
        }
    }

    func oddsDateRequests(key: String) -> [PlannedRequest?] {
        let secret = SourceRequest.QueryItem("apiKey", key, secret: true)
        let (from, to) = oddsWindow()
        if let snapshot = oddsSnapshot {
            return [
                request(
                    "odds_api.events", path: "/v4/historical/sports/basketball_nba/events",
                    query: [
                        secret, .init("date", snapshot), .init("commenceTimeFrom", from), .init("commenceTimeTo", to),
                    ]),
                request(
                    "odds_api.game_lines", path: "/v4/historical/sports/basketball_nba/odds",
                    query: [
                        secret, .init("date", snapshot), .init("regions", "us"), .init("markets", "h2h,spreads,totals"),
                        .init("oddsFormat", "american"), .init("commenceTimeFrom", from), .init("commenceTimeTo", to),
                    ]),
            ]
        }
        return [
            request(
                "odds_api.events", path: "/v4/sports/basketball_nba/events",
                query: [secret, .init("commenceTimeFrom", from), .init("commenceTimeTo", to)]),
            request(
                "odds_api.game_lines", path: "/v4/sports/basketball_nba/odds",
                query: [
                    secret, .init("regions", "us"), .init("markets", "h2h,spreads,totals"),
                    .init("oddsFormat", "american"),
                    .init("commenceTimeFrom", from), .init("commenceTimeTo", to),
                ]),
        ]
    }

    /// Stage three: props per Odds API event id, box score and play-by-play per final NBA game id, ESPN rosters of
    /// the teams playing.
    public func idStage(oddsEventIDs: [String], finalGameIDs: [String], teams: [Team] = []) -> [PlannedRequest] {
        var planned: [PlannedRequest?] = []
        for team in teams.sorted() {
            guard let id = RequestPlanner.espnTeamIDs[team.code] else { continue }
            planned.append(
                request(
                    "espn.roster", path: "/apis/site/v2/sports/basketball/nba/teams/\(id)",
                    query: [.init("enable", "roster")]))
        }
        if let key = settings.oddsAPIKey {
            let markets = OddsAPIParser.propMarkets.keys.sorted().joined(separator: ",")
            for id in oddsEventIDs {
                let historical = oddsSnapshot.map { [SourceRequest.QueryItem("date", $0)] } ?? []
                let prefix = oddsSnapshot == nil ? "/v4" : "/v4/historical"
                planned.append(
                    request(
                        "odds_api.player_props", path: "\(prefix)/sports/basketball_nba/events/\(id)/odds",
                        query: [.init("apiKey", key, secret: true)] + historical + [
                            .init("regions", "us,us_dfs"), .init("markets", markets),
                            .init("oddsFormat", "american"),
                        ]))
            }
        }
        for id in finalGameIDs {
            planned.append(
                request(
                    "nba_stats.boxscore_traditional", path: "/stats/boxscoretraditionalv2",
                    query: [
                        .init("EndPeriod", "0"), .init("EndRange", "0"), .init("GameID", id), .init("RangeType", "0"),
                        .init("StartPeriod", "0"), .init("StartRange", "0"),
                    ], headers: RequestPlanner.statsHeaders))
        }
        for id in finalGameIDs {
            planned.append(
                request("nba_cdn.play_by_play", path: "/static/json/liveData/playbyplay/playbyplay_\(id).json"))
        }
        return planned.compactMap { $0 }
    }

    /// ESPN's team ids. All 30 match ESPN's own team list (`id` and `abbrev`) in the captured team and game pages
    /// (`espn_roster/raw_bos.html.gz`); 22 also appear in the captured scoreboards (all but DEN, LAC, MIL, MIN, PHX,
    /// POR, SAC, CHA). `RequestPlannerTests.espnTeamIDsMatchESPNsOwnTeamList` checks the table against the page.
    public static let espnTeamIDs: [String: Int] = [
        "ATL": 1, "BOS": 2, "NOP": 3, "CHI": 4, "CLE": 5, "DAL": 6, "DEN": 7, "DET": 8, "GSW": 9, "HOU": 10,
        "IND": 11, "LAC": 12, "LAL": 13, "MIA": 14, "MIL": 15, "MIN": 16, "BKN": 17, "NYK": 18, "ORL": 19, "PHI": 20,
        "PHX": 21, "POR": 22, "SAC": 23, "SAS": 24, "OKC": 25, "UTA": 26, "WAS": 27, "TOR": 28, "MEM": 29, "CHA": 30,
    ]

    /// The UTC window covering the Eastern game day: 10:00 UTC on D to 10:00 UTC on D+1.
    func oddsWindow() -> (String, String) {
        ("\(date.description)T10:00:00Z", "\(date.adding(days: 1).description)T10:00:00Z")
    }

    /// stats.nba.com's `SeasonType` values.
    static func statsSeasonType(_ type: SeasonType) -> String? {
        switch type {
        case .regularSeason: return "Regular Season"
        case .playoffs: return "Playoffs"
        case .playIn: return "PlayIn"
        case .nbaCupFinal: return nil
        }
    }
}
