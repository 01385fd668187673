import HoopcastCore
import HoopcastGrading

/// The performance page over a range: each system's record from the daily aggregates, cumulative units per system,
/// the chosen system's model-vs-line error by week, its calibration reliability diagram and its results by edge,
/// each with its sample size. Built purely from the grading layer's rows.
struct PerformanceView: Sendable {
    struct SystemRow: Sendable, Hashable {
        var system: String
        var swatch: String
        var bets: Int
        var record: String
        var hitRate: String
        var roi: String
        var units: String
        var unitsClass: String
        var lined: Int
        var modelMAE: String
        var lineMAE: String
        var difference: String
        var differenceClass: String
    }

    struct LegendItem: Sendable, Hashable {
        var name: String
        var swatch: String
    }

    struct WeekRow: Sendable, Hashable {
        var week: String
        var market: String
        var lined: Int
        var modelMAE: String
        var lineMAE: String
        var difference: String
        var differenceClass: String
    }

    struct BucketRow: Sendable, Hashable {
        var bucket: String
        var predicted: String
        var observed: String
        var n: Int
    }

    struct EdgeRow: Sendable, Hashable {
        var range: String
        var bets: Int
        var wins: Int
        var hitRate: String
        var roi: String
        var roiClass: String
    }

    var layout: Layout
    var from: String
    var to: String
    var rangeLabel: String
    var systems: [Choice]
    var markets: [Choice]
    var systemName: String
    var marketName: String
    var summary: [SystemRow]
    var hasSummary: Bool
    var unitsChart: ChartMarkup?
    var legend: [LegendItem]
    var weeks: [WeekRow]
    var hasWeeks: Bool
    var reliabilityChart: ChartMarkup?
    var buckets: [BucketRow]
    var hasBuckets: Bool
    var edges: [EdgeRow]
    var hasEdges: Bool
}

extension PerformanceView {
    /// The page for `from…to`: `daily` the grading layer's daily rows of the range (already narrowed to the market
    /// asked for), `result` the chosen system's evaluation over its lined rows (nil when it has none).
    static func make(
        from: GameDate, to: GameDate, query: PerformanceQuery, daily: [DailyPerformance],
        result: EvaluationReport.SystemResult?, layout: Layout
    ) -> PerformanceView {
        let summary = systemRows(daily)
        let units = WeeklyPerformance.cumulativeUnits(daily)
        let systemsWithBets = Array(Set(units.map(\.system))).sorted()
        let weeks = WeeklyPerformance.errors(daily).filter { $0.system == query.system }.map(weekRow)
        let buckets = result?.calibration ?? []
        let edges = result?.byEdge ?? []
        return PerformanceView(
            layout: layout, from: from.description, to: to.description,
            rangeLabel: "\(DashboardFormat.shortDate(from)) – \(DashboardFormat.shortDate(to)), \(to.parts.year)",
            systems: SystemName.allCases.map {
                Choice(value: $0.rawValue, label: DashboardFormat.label($0), selected: $0 == query.system)
            },
            markets: [Choice(value: "", label: "All markets", selected: query.market == nil)]
                + Market.allCases.map {
                    Choice(value: $0.rawValue, label: DashboardFormat.label($0), selected: $0 == query.market)
                },
            systemName: DashboardFormat.label(query.system),
            marketName: query.market.map(DashboardFormat.label) ?? "all markets", summary: summary,
            hasSummary: !summary.isEmpty, unitsChart: unitsChart(units, from: from, to: to).map(SVGWriter.markup),
            legend: systemsWithBets.map { LegendItem(name: DashboardFormat.label($0), swatch: "s-\($0.rawValue)") },
            weeks: weeks, hasWeeks: !weeks.isEmpty,
            reliabilityChart: buckets.isEmpty
                ? nil
                : SVGWriter.markup(
                    ReliabilityChart.make(
                        id: "chart-calibration", title: "Calibration of \(DashboardFormat.label(query.system))",
                        buckets: buckets.map {
                            ReliabilityChart.Bucket(
                                label: $0.bucket, predicted: $0.predicted, observed: $0.observed, n: $0.n)
                        })),
            buckets: buckets.map {
                BucketRow(
                    bucket: $0.bucket, predicted: DashboardFormat.percent($0.predicted),
                    observed: DashboardFormat.percent($0.observed), n: $0.n)
            }, hasBuckets: !buckets.isEmpty, edges: edges.map(edgeRow), hasEdges: !edges.isEmpty)
    }

    /// Each system's record over the range, every market of `daily` together.
    static func systemRows(_ daily: [DailyPerformance]) -> [SystemRow] {
        Dictionary(grouping: daily, by: \.system).sorted { $0.key < $1.key }.map { system, days in
            let bets = days.map(\.bets).reduce(0, +), wins = days.map(\.wins).reduce(0, +)
            let losses = days.map(\.losses).reduce(0, +), pushes = days.map(\.pushes).reduce(0, +)
            let profit = days.map(\.profitUnits).reduce(0, +)
            var lined = 0, model = 0.0, line = 0.0
            for day in days where day.lined > 0 {
                guard let dayModel = day.modelMeanAbsoluteErrorLined, let dayLine = day.lineMeanAbsoluteError else {
                    continue
                }
                lined += day.lined
                model += dayModel * Double(day.lined)
                line += dayLine * Double(day.lined)
            }
            let difference = lined > 0 ? (model - line) / Double(lined) : nil
            return SystemRow(
                system: DashboardFormat.label(system), swatch: "s-\(system.rawValue)", bets: bets,
                record: "\(wins)-\(losses)-\(pushes)",
                hitRate: wins + losses > 0 ? DashboardFormat.percent(Double(wins) / Double(wins + losses)) : "–",
                roi: bets > 0 ? DashboardFormat.signedPercent(profit / Double(bets)) : "–",
                units: DashboardFormat.units(profit), unitsClass: profit > 0 ? "pos" : profit < 0 ? "neg" : "",
                lined: lined, modelMAE: lined > 0 ? DashboardFormat.number(model / Double(lined), decimals: 2) : "–",
                lineMAE: lined > 0 ? DashboardFormat.number(line / Double(lined), decimals: 2) : "–",
                difference: difference.map { (($0 >= 0) ? "+" : "") + DashboardFormat.number($0, decimals: 2) }
                    ?? "–",
                differenceClass: difference.map { $0 < 0 ? "pos" : $0 > 0 ? "neg" : "" } ?? "")
        }
    }

    static func weekRow(_ week: WeeklyPerformance.WeekError) -> WeekRow {
        let difference = week.modelMAE.flatMap { model in week.lineMAE.map { model - $0 } }
        return WeekRow(
            week: week.weekStart.description, market: DashboardFormat.label(week.market), lined: week.lined,
            modelMAE: week.modelMAE.map { DashboardFormat.number($0, decimals: 2) } ?? "–",
            lineMAE: week.lineMAE.map { DashboardFormat.number($0, decimals: 2) } ?? "–",
            difference: difference.map { (($0 >= 0) ? "+" : "") + DashboardFormat.number($0, decimals: 2) } ?? "–",
            differenceClass: difference.map { $0 < 0 ? "pos" : $0 > 0 ? "neg" : "" } ?? "")
    }

    static func edgeRow(_ bucket: EvaluationReport.EdgeBucket) -> EdgeRow {
        let range: String =
            switch (bucket.minEdge, bucket.maxEdge) {
            case (-1, let high): "below \(DashboardFormat.percent(high, decimals: 0))"
            case (let low, 1): "\(DashboardFormat.percent(low, decimals: 0)) and more"
            case (let low, let high):
                "\(DashboardFormat.percent(low, decimals: 0)) to \(DashboardFormat.percent(high, decimals: 0))"
            }
        return EdgeRow(
            range: range, bets: bucket.bets, wins: bucket.wins,
            hitRate: bucket.hitRate.map { DashboardFormat.percent($0) } ?? "–",
            roi: bucket.roi.map { DashboardFormat.signedPercent($0) } ?? "–",
            roiClass: (bucket.roi ?? 0) > 0 ? "pos" : (bucket.roi ?? 0) < 0 ? "neg" : "")
    }

    /// Units won since the range's start, one line per system (a point per date with bets, from zero at `from`).
    static func unitsChart(_ units: [WeeklyPerformance.UnitsPoint], from: GameDate, to: GameDate) -> SVGChart? {
        guard !units.isEmpty else { return nil }
        let bySystem = Dictionary(grouping: units, by: \.system)
        let series = bySystem.keys.sorted().map { system in
            let start = TrendChart.Point(
                x: Double(from.dayNumber), y: 0, tooltip: "\(DashboardFormat.label(system)) starts at 0")
            return TrendChart.Series(
                name: DashboardFormat.label(system), cls: "s-\(system.rawValue)",
                points: [start]
                    + bySystem[system]!.map {
                        TrendChart.Point(
                            x: Double($0.date.dayNumber), y: $0.units,
                            tooltip: "\(DashboardFormat.label(system)), \(DashboardFormat.shortDate($0.date)): "
                                + "\(DashboardFormat.units($0.units)) units after \($0.bets) bets that day")
                    })
        }
        let span = max(1, to.days(since: from))
        let step = max(1, (span + 5) / 6)
        let ticks = stride(from: 0, through: span, by: step).map {
            TrendChart.Tick(x: Double(from.dayNumber + $0), text: DashboardFormat.shortDate(from.adding(days: $0)))
        }
        let finals = series.map { line in
            "\(line.name) \(DashboardFormat.units(line.points.last!.y))"
        }
        let bets = units.map(\.bets).reduce(0, +)
        return TrendChart.make(
            id: "chart-units", title: "Cumulative units by system",
            summary: "Units won at one unit per bet since \(DashboardFormat.shortDate(from)), \(bets) bets in all: "
                + finals.joined(separator: ", ") + ".",
            series: series, xTicks: ticks, xDomain: (Double(from.dayNumber), Double(to.dayNumber)),
            format: { DashboardFormat.number($0, decimals: 1) })
    }
}
