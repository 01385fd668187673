/// The calibration reliability diagram: per probability bucket, the mean predicted P(over) against the observed
/// over rate, with a dot sized by the bucket's count and the count written beside it; the diagonal is perfect
/// calibration.
enum ReliabilityChart {
    struct Bucket: Sendable, Hashable {
        var label: String
        var predicted: Double
        var observed: Double
        var n: Int
    }

    static let frame = ChartFrame(width: 350, height: 330, left: 48, right: 22, top: 12, bottom: 38)

    static func make(id: String, title: String, buckets: [Bucket]) -> SVGChart {
        let frame = frame
        let ticks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
        let x = ChartScale(domainLow: 0, domainHigh: 1, rangeLow: frame.plotLeft, rangeHigh: frame.plotRight)
        let y = frame.yScale(ticks)
        var shapes = frame.yAxis(ticks, scale: y) { DashboardFormat.percent($0, decimals: 0) }
        for tick in ticks {
            shapes.append(.segment(x1: x(tick), y1: frame.plotTop, x2: x(tick), y2: frame.plotBottom, cls: "grid"))
            shapes.append(
                .label(
                    DashboardFormat.percent(tick, decimals: 0), x: x(tick), y: frame.plotBottom + 16, cls: "axis"))
        }
        shapes.append(
            .label(
                "Predicted P(over)", x: (frame.plotLeft + frame.plotRight) / 2, y: frame.height - 4,
                cls: "axis-title"))
        shapes.append(
            .label(
                "Observed over rate", x: 12, y: (frame.plotTop + frame.plotBottom) / 2, cls: "axis-title",
                vertical: true))
        shapes.append(.segment(x1: x(0), y1: y(0), x2: x(1), y2: y(1), cls: "diagonal"))
        if let path = SVGShape.path(buckets.map { (x($0.predicted), y($0.observed)) }, cls: "series s-observed") {
            shapes.append(path)
        }
        let largest = Double(buckets.map(\.n).max() ?? 1)
        for bucket in buckets {
            let radius = 3 + 5 * (Double(bucket.n) / largest).squareRoot()
            let cx = x(bucket.predicted), cy = y(bucket.observed)
            shapes.append(
                .dot(
                    cx: cx, cy: cy, r: radius, cls: "point s-observed",
                    tooltip: "\(bucket.label): predicted \(DashboardFormat.percent(bucket.predicted)), observed "
                        + "\(DashboardFormat.percent(bucket.observed)), n = \(bucket.n)"))
            shapes.append(.label("\(bucket.n)", x: cx + radius + 3, y: cy + 4, anchor: "start", cls: "n-label"))
        }
        let total = buckets.map(\.n).reduce(0, +)
        let summary =
            buckets.isEmpty
            ? "No calibrated predictions with a result in the range."
            : "\(buckets.count) bucket\(buckets.count == 1 ? "" : "s"), \(total) predictions: "
                + buckets.map {
                    "\($0.label) predicted \(DashboardFormat.percent($0.predicted)), observed "
                        + "\(DashboardFormat.percent($0.observed)) (n = \($0.n))"
                }.joined(separator: "; ") + "."
        return SVGChart(
            chartID: id, width: Int(frame.width), height: Int(frame.height), title: title, summary: summary,
            shapes: shapes)
    }
}
