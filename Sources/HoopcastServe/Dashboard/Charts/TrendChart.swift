/// Lines over an ordered x axis (dates as day numbers, or game numbers): one path per series, a dot per point when
/// there are few, round y ticks that always include zero.
enum TrendChart {
    struct Point: Sendable, Hashable {
        var x: Double
        var y: Double
        var tooltip: String
    }

    struct Series: Sendable, Hashable {
        var name: String
        /// The CSS class that colours it (`s-ensemble`, `s-minutes`, …).
        var cls: String
        var points: [Point]
    }

    /// A label under the x axis at `x`.
    struct Tick: Sendable, Hashable {
        var x: Double
        var text: String
    }

    static let frame = ChartFrame(width: 560, height: 250, left: 40, right: 14, top: 12, bottom: 26)
    /// Series with more points than this are drawn without dots.
    static let maximumDots = 60

    /// The chart; the x axis spans `xDomain` (default: the points' extent); `format` writes y values on the axis.
    static func make(
        id: String, title: String, summary: String, series: [Series], xTicks: [Tick],
        xDomain: (low: Double, high: Double)? = nil, format: (Double) -> String = { SVGNumber.text($0) }
    ) -> SVGChart {
        let frame = frame
        let points = series.flatMap(\.points)
        let xs = points.map(\.x), ys = points.map(\.y)
        var xLow = xDomain?.low ?? xs.min() ?? 0, xHigh = xDomain?.high ?? xs.max() ?? 1
        if xLow == xHigh { (xLow, xHigh) = (xLow - 1, xHigh + 1) }
        let ticks = ChartScale.ticks(low: min(0, ys.min() ?? 0), high: max(0, ys.max() ?? 1))
        let x = ChartScale(domainLow: xLow, domainHigh: xHigh, rangeLow: frame.plotLeft, rangeHigh: frame.plotRight)
        let y = frame.yScale(ticks)
        var shapes = frame.yAxis(ticks, scale: y, format: format)
        for tick in xTicks {
            shapes.append(.label(tick.text, x: x(tick.x), y: frame.height - 8, cls: "axis"))
        }
        for line in series {
            if let path = SVGShape.path(line.points.map { (x($0.x), y($0.y)) }, cls: "series \(line.cls)") {
                shapes.append(path)
            }
            if line.points.count <= maximumDots {
                shapes += line.points.map {
                    .dot(cx: x($0.x), cy: y($0.y), r: 3, cls: "point \(line.cls)", tooltip: $0.tooltip)
                }
            }
        }
        return SVGChart(
            chartID: id, width: Int(frame.width), height: Int(frame.height), wide: true, title: title,
            summary: summary, shapes: shapes)
    }
}
