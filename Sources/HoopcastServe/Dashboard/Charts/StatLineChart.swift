import HoopcastCore

/// A player's stat against the line in recent games: a bar per game, coloured by how the stat ended against that
/// game's line, the game lines as a dark line with a dot per line, and the date's line as a dashed reference.
enum StatLineChart {
    /// One game of the chart, oldest first.
    struct Game: Sendable, Hashable {
        var date: GameDate
        var opponent: String
        /// The market's stat in the game.
        var value: Double
        /// The line the game's prediction was made against, when there was one.
        var line: Double?
    }

    static let frame = ChartFrame(width: 400, height: 200, left: 30, right: 34, top: 10, bottom: 24)

    /// The chart of `games` (oldest first) for `market`, with `todayLine` drawn across when given.
    static func make(id: String, market: Market, games: [Game], todayLine: Double?) -> SVGChart {
        let frame = frame
        // At least 0…4, so that small counts get whole-number ticks.
        let top = max(4, (games.map(\.value) + games.compactMap(\.line) + [todayLine ?? 0]).max() ?? 4)
        let ticks = ChartScale.ticks(low: 0, high: top)
        let y = frame.yScale(ticks)
        var shapes = frame.yAxis(ticks, scale: y) { SVGNumber.text($0) }
        let slot = (frame.plotRight - frame.plotLeft) / Double(max(games.count, 1))
        var counts = (over: 0, under: 0, push: 0, none: 0)
        var linePoints: [(x: Double, y: Double)?] = []
        var lineDots: [SVGShape] = []
        let every = max(1, (games.count + 4) / 5)
        for (index, game) in games.enumerated() {
            let x0 = frame.plotLeft + slot * Double(index), center = x0 + slot / 2
            let side: String
            switch game.line.map({ game.value > $0 ? "over" : game.value < $0 ? "under" : "push" }) {
            case "over"?: (side, counts.over) = ("over", counts.over + 1)
            case "under"?: (side, counts.under) = ("under", counts.under + 1)
            case "push"?: (side, counts.push) = ("push", counts.push + 1)
            default: (side, counts.none) = ("none", counts.none + 1)
            }
            let lineText = game.line.map { "line \(DashboardFormat.number($0)), \(side)" } ?? "no line"
            shapes.append(
                .rect(
                    x: x0 + slot * 0.15, y: y(game.value), w: slot * 0.7, h: frame.plotBottom - y(game.value),
                    cls: "bar bar-\(side)",
                    tooltip: "\(DashboardFormat.shortDate(game.date)) vs \(game.opponent): "
                        + "\(DashboardFormat.number(game.value, decimals: 0)) \(DashboardFormat.unit(market)) (\(lineText))"
                ))
            linePoints.append(game.line.map { (center, y($0)) })
            if let line = game.line {
                lineDots.append(
                    .dot(
                        cx: center, cy: y(line), r: 2.5, cls: "line-dot",
                        tooltip: "Line \(DashboardFormat.number(line))"))
            }
            // Counted from the newest game, which is always labelled.
            if (games.count - 1 - index) % every == 0 {
                shapes.append(
                    .label(DashboardFormat.shortDate(game.date), x: center, y: frame.height - 8, cls: "axis"))
            }
        }
        if let path = SVGShape.path(linePoints, cls: "line-path") { shapes.append(path) }
        shapes += lineDots
        if let todayLine {
            shapes.append(
                .segment(
                    x1: frame.plotLeft, y1: y(todayLine), x2: frame.plotRight, y2: y(todayLine), cls: "today-line"))
            shapes.append(
                .label(
                    DashboardFormat.number(todayLine), x: frame.plotRight + 4, y: y(todayLine) + 4, anchor: "start",
                    cls: "axis today-label"))
        }
        var summary =
            "\(games.count) games, oldest first: \(counts.over) over, \(counts.under) under, \(counts.push) push "
            + "against that game's line, \(counts.none) without a line."
        if let todayLine { summary += " The dashed line is this date's line, \(DashboardFormat.number(todayLine))." }
        return SVGChart(
            chartID: id, width: Int(frame.width), height: Int(frame.height),
            title: "\(DashboardFormat.label(market)) against the line, last \(games.count) games", summary: summary,
            shapes: shapes)
    }
}
