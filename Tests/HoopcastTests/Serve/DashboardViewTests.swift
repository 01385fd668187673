import HoopcastCore
import Testing

@testable import HoopcastGrading
@testable import HoopcastPredictions
@testable import HoopcastServe

/// The dashboard's pure parts: formats, queries, the slate's filters and order, and the templates' rules.
@Suite struct DashboardViewTests {
    static let date = GameDate("2024-01-15")!

    static func prediction(
        game: String, player: Int, name: String, market: Market = .points, system: SystemName = .ensemble,
        line: Double?, edge: Double?, call: Recommendation
    ) -> SlatePrediction {
        let record = PredictionRecord(
            gameID: game, playerID: player, market: market, system: system, gameDate: date, predictedValue: 20.25,
            standardDeviation: 5, rawOverProbability: nil, overProbability: edge.map { 0.5 + $0 },
            confidence: edge.map { 50 + abs($0) * 100 },
            line: line.map { .init(line: $0, book: "consensus", overOdds: -110, underOdds: -110) }, edge: edge,
            recommendation: call, model: "test")
        let gameInfo = ScheduledGame(
            gameID: game, gameDate: date, season: date.season, seasonType: .regularSeason,
            homeTeam: Team(game == "g1" ? "PHI" : "BOS")!, awayTeam: Team(game == "g1" ? "HOU" : "NYK")!)
        return SlatePrediction(record: record, playerName: name, team: gameInfo.homeTeam, game: gameInfo)
    }

    static let slate = [
        prediction(game: "g1", player: 1, name: "Ann", line: 19.5, edge: 0.05, call: .over),
        prediction(game: "g1", player: 2, name: "Bob", line: 22.5, edge: nil, call: .pass),
        prediction(game: "g2", player: 3, name: "Cid", line: 24.5, edge: -0.02, call: .pass),
        prediction(game: "g2", player: 4, name: "Dee", market: .assists, line: 5.5, edge: 0.07, call: .under),
        prediction(game: "g2", player: 5, name: "Eve", line: nil, edge: nil, call: .noLine),
        prediction(game: "g2", player: 1, name: "Ann", system: .matchup, line: 19.5, edge: 0.2, call: .over),
    ]

    static func view(_ query: TonightQuery, grades: [String: Grade] = [:]) -> TonightView {
        TonightView.make(
            date: date, query: query, slate: slate, grades: grades, games: [], neighbours: (nil, nil),
            layout: Layout(title: "Slate", section: .tonight, viewer: .anonymous))
    }

    @Test func formats() {
        #expect(DashboardFormat.number(24.5) == "24.5" && DashboardFormat.number(-0.04) == "0.0")
        #expect(DashboardFormat.number(-0.06) == "-0.1" && DashboardFormat.number(2.999, decimals: 2) == "3.00")
        #expect(DashboardFormat.percent(0.5423) == "54.2%" && DashboardFormat.signedPercent(-0.02) == "-2.0%")
        #expect(DashboardFormat.signedPercent(0.031) == "+3.1%" && DashboardFormat.units(1.3199) == "+1.32")
        #expect(DashboardFormat.odds(-110) == "-110" && DashboardFormat.odds(120) == "+120")
        #expect(DashboardFormat.longDate(Self.date) == "Mon, Jan 15, 2024")
        #expect(DashboardFormat.longDate(GameDate("2023-12-31")!) == "Sun, Dec 31, 2023")
        #expect(
            DashboardFormat.duration(.milliseconds(8)) == "8 ms" && DashboardFormat.duration(.seconds(1.44)) == "1.4 s")
        #expect(DashboardFormat.age(.seconds(30)) == "just now" && DashboardFormat.age(.seconds(7200)) == "2 h ago")
        #expect(DashboardFormat.age(.seconds(3 * 86400)) == "3 d ago")
    }

    @Test func queriesAreParsedAsFormsEncodeThem() throws {
        let query = DashboardQuery("q=LeBron+James&x=%3Cb%3E&q=second&empty=&date=2024-01-15")
        #expect(query["q"] == "LeBron James" && query["x"] == "<b>" && query["empty"] == nil)
        #expect(try query.date("date") == Self.date)
        #expect(throws: APIError.invalid("date", "'2024-13-01' is not a date (YYYY-MM-DD)")) {
            try DashboardQuery("date=2024-13-01").date("date")
        }
        #expect(throws: APIError.invalid("market", "'steals' is not known")) {
            try TonightQuery(DashboardQuery("market=steals"))
        }
        #expect(
            DashboardQuery.link("/players", [("q", "A&B é"), ("none", nil)]) == "/players?q=A%26B%20%C3%A9")
    }

    @Test func theSlateShowsOneSystemsLinedRowsBestEdgeFirst() {
        let view = Self.view(TonightQuery())
        #expect(view.rows.map(\.playerName) == ["Dee", "Ann", "Cid", "Bob"])
        #expect(view.rows.map(\.edge) == ["+7.0%", "+5.0%", "-2.0%", ""])
        #expect(view.rows.map(\.call) == ["UNDER", "OVER", "PASS", "PASS"])
        #expect(view.summary == "4 lined predictions · 2 bets (1 over, 1 under)")
        #expect(view.columns.first { $0.ariaSort != nil }?.label == "Edge")
    }

    @Test func filtersAndOrdersNarrowTheSlate() throws {
        var query = try TonightQuery(DashboardQuery("market=points&sort=player"))
        #expect(Self.view(query).rows.map(\.playerName) == ["Ann", "Bob", "Cid"])
        query.descending = true
        #expect(Self.view(query).rows.map(\.playerName) == ["Cid", "Bob", "Ann"])
        query = try TonightQuery(DashboardQuery("game=g2"))
        #expect(Self.view(query).rows.map(\.playerName) == ["Dee", "Cid"])
        query = try TonightQuery(DashboardQuery("show=bets"))
        #expect(Self.view(query).rows.map(\.playerName) == ["Dee", "Ann"])
        query = try TonightQuery(DashboardQuery("system=matchup"))
        #expect(Self.view(query).rows.map(\.edge) == ["+20.0%"])
        query = try TonightQuery(DashboardQuery("sort=line&dir=asc"))
        #expect(Self.view(query).rows.map(\.line) == ["5.5", "19.5", "22.5", "24.5"])
        #expect(
            query.link(date: Self.date, sort: .edge, descending: true) == "/tonight?date=2024-01-15")
        #expect(query.link(date: Self.date) == "/tonight?date=2024-01-15&sort=line&dir=asc")
    }

    @Test func gradedRowsShowTheStatAndTheBetsResult() {
        let grades = [
            TonightView.gradeKey(gameID: "g1", playerID: 1, market: .points): Grade(
                actual: 25, absoluteError: 4.75, outcome: .win, profitUnits: 0.909),
            TonightView.gradeKey(gameID: "g2", playerID: 3, market: .points): Grade(
                actual: 20, absoluteError: 0.25, outcome: .noBet, profitUnits: nil),
        ]
        let rows = Self.view(TonightQuery(), grades: grades).rows
        let ann = rows.first { $0.playerName == "Ann" }!, cid = rows.first { $0.playerName == "Cid" }!
        #expect(ann.actual == "25" && ann.actualClass == "pos" && ann.result == "Win")
        #expect(cid.actual == "20" && cid.actualClass == "neg" && cid.result == nil)
    }

    @Test func hostileNamesAreEscapedInTheSlate() {
        var slate = Self.slate
        slate[0].playerName = "<script>alert(1)</script>"
        let view = TonightView.make(
            date: Self.date, query: TonightQuery(), slate: slate, grades: [:], games: [], neighbours: (nil, nil),
            layout: Layout(title: "Slate", section: .tonight, viewer: .anonymous))
        let html = DashboardTemplates.render(view, template: "tonight")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
    }

    /// Every template escapes what it prints and needs nothing the Content-Security-Policy forbids.
    @Test func templatesUseEscapedValuesAndNoInlineStyleOrScript() {
        for (name, text) in DashboardTemplates.sources {
            // A chart's `svg` is a `ChartMarkup`, which only `SVGWriter` makes (DashboardChartTests escape it).
            let escaped = text.replacingOccurrences(of: "{{{svg}}}", with: "")
            #expect(!escaped.contains("{{{") && !escaped.contains("{{&"), "\(name) prints a value unescaped")
            #expect(!text.contains("style=") && !text.contains("<style"), "\(name) has inline style")
            #expect(
                !text.replacingOccurrences(of: "<script src=\"{{jsHref}}\" defer></script>", with: "")
                    .contains("<script"), "\(name) has an inline script")
            #expect(!text.contains("http://"), "\(name) refers to another origin")
            #expect(!text.contains("https://"), "\(name) refers to another origin")
        }
        #expect(!DashboardStyleSheet.text.contains("url(") && !DashboardStyleSheet.text.contains("@import"))
    }
}
