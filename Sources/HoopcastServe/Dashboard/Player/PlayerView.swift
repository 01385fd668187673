import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions

/// A player's page as of a date: the date's predictions, hit rates against the date's lines, the stat against the
/// line over the last games per market, the minutes trend, and the season's lined predictions with how they ended.
/// Built purely from ``PlayerPage`` and the season's rows.
struct PlayerView: Sendable {
    struct Prediction: Sendable, Hashable {
        var market: String
        var matchup: String
        var line: String
        var book: String
        var prediction: String
        var pOver: String
        var edge: String
        var edgeClass: String
        var call: String
        var callClass: String
        var confidence: String
    }

    struct HitRateRow: Sendable, Hashable {
        var market: String
        var line: String
        var last5: String, last10: String, last20: String, season: String
    }

    struct MarketChart: Sendable, Hashable {
        var heading: String
        var caption: String
        var chart: ChartMarkup
    }

    struct SeasonRow: Sendable, Hashable {
        var date: String
        var opponent: String
        var market: String
        var line: String
        var prediction: String
        var call: String
        var callClass: String
        var actual: String
        var actualClass: String
        /// How the bet ended (nil: not a bet).
        var result: String?
        var resultClass: String
    }

    var layout: Layout
    var playerID: Int
    var name: String
    var team: String?
    var date: String
    var dateLabel: String
    var todays: [Prediction]
    var hasToday: Bool
    var hitRates: [HitRateRow]
    var hasHitRates: Bool
    var logGames: Int
    var marketCharts: [MarketChart]
    var hasLog: Bool
    var minutesChart: ChartMarkup?
    var minutesSummary: String
    var season: [SeasonRow]
    var hasSeason: Bool
}

extension PlayerView {
    /// The page: `page` as the API builds it, `todays` the date's predictions joined with their games, `earlier`
    /// the player's predictions of the season's earlier games (every system), `season` their box scores (newest
    /// first).
    static func make(
        player: RegisteredPlayerSummary, date: GameDate, page: PlayerPage, todays: [SlatePrediction],
        earlier: [PredictionRecord], season: [BoxScoreLine], layout: Layout
    ) -> PlayerView {
        let log = page.gameLog.reversed()
        let charts = Market.allCases.map { market -> MarketChart in
            let games = log.map { logged in
                StatLineChart.Game(
                    date: logged.box.gameDate, opponent: logged.box.opponent.code,
                    value: market.value(of: logged.box),
                    line: logged.lines.first { $0.market == market }?.line)
            }
            let todayLine = page.hitRates.first { $0.market == market }?.line
            let chart = StatLineChart.make(
                id: "chart-\(market.rawValue)", market: market, games: games, todayLine: todayLine)
            let lined = games.filter { $0.line != nil }
            let overs = lined.filter { $0.value > $0.line! }.count
            let caption =
                lined.isEmpty
                ? "no game line in these games"
                : "over in \(overs) of \(lined.count) games with a line"
            return MarketChart(
                heading: DashboardFormat.label(market), caption: caption, chart: SVGWriter.markup(chart))
        }
        let rows = seasonRows(earlier: earlier, season: season)
        return PlayerView(
            layout: layout, playerID: player.playerID, name: player.name, team: player.latestTeam?.code,
            date: date.description, dateLabel: DashboardFormat.longDate(date),
            todays: todays.filter { $0.record.line != nil }.map(prediction),
            hasToday: todays.contains { $0.record.line != nil },
            hitRates: page.hitRates.map(hitRateRow), hasHitRates: !page.hitRates.isEmpty,
            logGames: page.gameLog.count, marketCharts: charts, hasLog: !page.gameLog.isEmpty,
            minutesChart: minutesChart(page.minutes).map(SVGWriter.markup),
            minutesSummary: minutesSummary(page.minutes),
            season: rows, hasSeason: !rows.isEmpty)
    }

    static func prediction(_ slate: SlatePrediction) -> Prediction {
        let record = slate.record
        return Prediction(
            market: DashboardFormat.label(record.market), matchup: slate.matchup,
            line: record.line.map { DashboardFormat.number($0.line) } ?? "", book: record.line?.book ?? "",
            prediction: DashboardFormat.number(record.predictedValue),
            pOver: record.overProbability.map { DashboardFormat.percent($0) } ?? "",
            edge: record.edge.map { DashboardFormat.signedPercent($0) } ?? "",
            edgeClass: (record.edge ?? 0) > 0 ? "pos" : (record.edge ?? 0) < 0 ? "neg" : "",
            call: record.recommendation == .noLine ? "NO LINE" : record.recommendation.rawValue,
            callClass: record.recommendation.rawValue.lowercased(),
            confidence: record.confidence.map { DashboardFormat.number($0, decimals: 0) } ?? "")
    }

    /// `overs/games · rate` (`3/5 · 60%`), or a dash without games.
    static func hitRate(_ rate: PlayerPage.HitRate) -> String {
        guard rate.games > 0 else { return "–" }
        return "\(rate.overs)/\(rate.games) · "
            + DashboardFormat.percent(Double(rate.overs) / Double(rate.games), decimals: 0)
    }

    static func hitRateRow(_ rates: PlayerPage.MarketHitRates) -> HitRateRow {
        HitRateRow(
            market: DashboardFormat.label(rates.market), line: DashboardFormat.number(rates.line),
            last5: hitRate(rates.last5), last10: hitRate(rates.last10), last20: hitRate(rates.last20),
            season: hitRate(rates.season))
    }

    /// The ensemble's lined predictions of the season's earlier games, newest first, graded against the box score.
    static func seasonRows(earlier: [PredictionRecord], season: [BoxScoreLine]) -> [SeasonRow] {
        let boxes = Dictionary(season.map { ($0.gameID, $0) }, uniquingKeysWith: { first, _ in first })
        let order: [Market: Int] = Dictionary(uniqueKeysWithValues: Market.allCases.enumerated().map { ($1, $0) })
        return earlier.filter { $0.system == .ensemble && $0.line != nil }.sorted {
            ($1.gameDate, order[$0.market]!) < ($0.gameDate, order[$1.market]!)
        }.map { record in
            let box = boxes[record.gameID]
            let actual = box.map { record.market.value(of: $0) }
            let line = record.line!.line
            let grade = Grader.grade(
                GradeInput(
                    recommendation: record.recommendation, predictedValue: record.predictedValue, line: line,
                    overOdds: record.line?.overOdds, underOdds: record.line?.underOdds, actual: actual))
            return SeasonRow(
                date: record.gameDate.description,
                opponent: box.map { ($0.isHome ? "vs " : "@ ") + $0.opponent.code } ?? "",
                market: DashboardFormat.label(record.market), line: DashboardFormat.number(line),
                prediction: DashboardFormat.number(record.predictedValue),
                call: record.recommendation.rawValue, callClass: record.recommendation.rawValue.lowercased(),
                actual: actual.map { DashboardFormat.number($0, decimals: 0) } ?? "DNP",
                actualClass: actual.map { $0 > line ? "pos" : $0 < line ? "neg" : "" } ?? "",
                result: TonightView.resultLabel(grade.outcome), resultClass: "result-\(grade.outcome.rawValue)")
        }
    }

    /// Minutes per game over the season (oldest first) with the average of the last five games.
    static func minutesChart(_ minutes: [(date: GameDate, minutes: Double)]) -> SVGChart? {
        guard !minutes.isEmpty else { return nil }
        let played = minutes.enumerated().map { index, game in
            TrendChart.Point(
                x: Double(index + 1), y: game.minutes,
                tooltip: "\(DashboardFormat.shortDate(game.date)): \(DashboardFormat.number(game.minutes)) min")
        }
        let average = minutes.indices.map { index in
            let window = minutes[max(0, index - 4)...index].map(\.minutes)
            let mean = window.reduce(0, +) / Double(window.count)
            return TrendChart.Point(
                x: Double(index + 1), y: mean,
                tooltip: "5-game average to \(DashboardFormat.shortDate(minutes[index].date)): "
                    + "\(DashboardFormat.number(mean)) min")
        }
        let every = max(1, (minutes.count + 5) / 6)
        let ticks = minutes.indices.filter { (minutes.count - 1 - $0) % every == 0 }.map {
            TrendChart.Tick(x: Double($0 + 1), text: DashboardFormat.shortDate(minutes[$0].date))
        }
        return TrendChart.make(
            id: "chart-minutes", title: "Minutes per game this season", summary: minutesSummary(minutes),
            series: [
                TrendChart.Series(name: "Minutes", cls: "s-minutes", points: played),
                TrendChart.Series(name: "5-game average", cls: "s-average", points: average),
            ], xTicks: ticks)
    }

    static func minutesSummary(_ minutes: [(date: GameDate, minutes: Double)]) -> String {
        guard !minutes.isEmpty else { return "No game this season before the date." }
        func mean(_ values: ArraySlice<(date: GameDate, minutes: Double)>) -> String {
            DashboardFormat.number(values.map(\.minutes).reduce(0, +) / Double(values.count))
        }
        return "\(minutes.count) games this season: \(mean(minutes[...])) minutes on average, "
            + "\(mean(minutes.suffix(5))) over the last \(min(5, minutes.count))."
    }
}
