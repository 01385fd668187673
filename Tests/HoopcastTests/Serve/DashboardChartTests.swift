import HoopcastCore
import Testing

@testable import HoopcastServe

/// The dashboard's SVG charts on hand-made inputs: every coordinate worked out by hand from the charts' frames.
@Suite struct DashboardChartTests {
    @Test func numbersAreWrittenWithOneDecimalAtMost() {
        #expect(SVGNumber.text(12) == "12" && SVGNumber.text(39.3) == "39.3" && SVGNumber.text(-0.5) == "-0.5")
        #expect(SVGNumber.text(-12.34) == "-12.3" && SVGNumber.text(-0.04) == "0" && SVGNumber.text(0.96) == "1")
        #expect(ChartScale.ticks(low: 0, high: 10) == [0, 5, 10])
        #expect(ChartScale.ticks(low: 0, high: 20) == [0, 5, 10, 15, 20])
        #expect(ChartScale.ticks(low: -1.3, high: 2.2) == [-2, -1, 0, 1, 2, 3])
        #expect(ChartScale.ticks(low: 0, high: 48) == [0, 20, 40, 60])
    }

    /// Two games: 10 points over a line of 8.5, then 4 points without a line; the date's line is 7.5. The plot spans
    /// x 30…366 and y 176 (0 points) … 10 (10 points), so y(v) = 176 − 16.6·v and each game has a 168-wide slot
    /// with a bar of 70% of it in the middle.
    @Test func statAgainstTheLineDrawsBarsTheGameLinesAndTheDatesLine() {
        let chart = StatLineChart.make(
            id: "c", market: .points,
            games: [
                .init(date: GameDate("2024-01-10")!, opponent: "BOS", value: 10, line: 8.5),
                .init(date: GameDate("2024-01-12")!, opponent: "NYK", value: 4, line: nil),
            ], todayLine: 7.5)
        let expected = """
            <svg class="chart" viewBox="0 0 400 200" role="img" aria-labelledby="c-title c-desc" \
            xmlns="http://www.w3.org/2000/svg">
            <title id="c-title">Points against the line, last 2 games</title>
            <desc id="c-desc">2 games, oldest first: 1 over, 0 under, 0 push against that game&#39;s line, 1 without \
            a line. The dashed line is this date&#39;s line, 7.5.</desc>
            <line x1="30" y1="176" x2="366" y2="176" class="grid"/>
            <text x="24" y="180" text-anchor="end" class="axis">0</text>
            <line x1="30" y1="93" x2="366" y2="93" class="grid"/>
            <text x="24" y="97" text-anchor="end" class="axis">5</text>
            <line x1="30" y1="10" x2="366" y2="10" class="grid"/>
            <text x="24" y="14" text-anchor="end" class="axis">10</text>
            <rect x="55.2" y="10" width="117.6" height="166" class="bar bar-over">\
            <title>Jan 10 vs BOS: 10 points (line 8.5, over)</title></rect>
            <text x="114" y="192" text-anchor="middle" class="axis">Jan 10</text>
            <rect x="223.2" y="109.6" width="117.6" height="66.4" class="bar bar-none">\
            <title>Jan 12 vs NYK: 4 points (no line)</title></rect>
            <text x="282" y="192" text-anchor="middle" class="axis">Jan 12</text>
            <path d="M114 34.9" class="line-path"/>
            <circle cx="114" cy="34.9" r="2.5" class="line-dot"><title>Line 8.5</title></circle>
            <line x1="30" y1="51.5" x2="366" y2="51.5" class="today-line"/>
            <text x="370" y="55.5" text-anchor="start" class="axis today-label">7.5</text>
            </svg>

            """
        #expect(SVGWriter.markup(chart).svg == expected)
    }

    /// One series through (1, 10) and (2, 20): x spans 40…546, the ticks are 0…20 by 5, y(v) = 224 − 10.6·v.
    @Test func trendDrawsAPathAndDotsOverRoundTicksFromZero() {
        let chart = TrendChart.make(
            id: "t", title: "T", summary: "S",
            series: [
                .init(
                    name: "x", cls: "s-x", points: [.init(x: 1, y: 10, tooltip: "a"), .init(x: 2, y: 20, tooltip: "b")])
            ],
            xTicks: [.init(x: 1, text: "G1"), .init(x: 2, text: "G2")])
        let grid = [224, 171, 118, 65, 12].map { SVGShape.segment(x1: 40, y1: $0, x2: 546, y2: $0, cls: "grid") }
        let labels = zip(["0", "5", "10", "15", "20"], [228, 175, 122, 69, 16]).map {
            SVGShape.label($0, x: 34, y: $1, anchor: "end", cls: "axis")
        }
        #expect(
            chart.shapes
                == Array(zip(grid, labels).map { [$0, $1] }.joined()) + [
                    .label("G1", x: 40, y: 242, cls: "axis"), .label("G2", x: 546, y: 242, cls: "axis"),
                    SVGShape.path([(40, 118), (546, 12)], cls: "series s-x")!,
                    .dot(cx: 40, cy: 118, r: 3, cls: "point s-x", tooltip: "a"),
                    .dot(cx: 546, cy: 12, r: 3, cls: "point s-x", tooltip: "b"),
                ])
        #expect(chart.shapes.compactMap(\.svgPath?.d) == ["M40 118 L546 12"])
        #expect(SVGWriter.markup(chart).svg.hasPrefix(#"<svg class="chart wide""#))
    }

    /// One bucket: predicted 55%, observed 60%, 10 rows. x(p) = 48 + 280p, y(p) = 292 − 280p; the largest bucket's
    /// dot has radius 8, its count written 3 to its right.
    @Test func reliabilityPlacesEachBucketAtPredictedAgainstObserved() {
        let chart = ReliabilityChart.make(
            id: "r", title: "R", buckets: [.init(label: "0.5-0.6", predicted: 0.55, observed: 0.6, n: 10)])
        #expect(
            chart.shapes.contains(
                .dot(
                    cx: 202, cy: 124, r: 8, cls: "point s-observed",
                    tooltip: "0.5-0.6: predicted 55.0%, observed 60.0%, n = 10")))
        #expect(chart.shapes.contains(.label("10", x: 213, y: 128, anchor: "start", cls: "n-label")))
        #expect(chart.shapes.contains(.segment(x1: 48, y1: 292, x2: 328, y2: 12, cls: "diagonal")))
        #expect(chart.summary == "1 bucket, 10 predictions: 0.5-0.6 predicted 55.0%, observed 60.0% (n = 10).")
        let rendered = SVGWriter.markup(chart).svg
        #expect(rendered.contains(#"transform="rotate(-90 12 152)">Observed over rate</text>"#))
    }

    @Test func chartTextIsEscaped() {
        let chart = StatLineChart.make(
            id: "x", market: .assists,
            games: [.init(date: GameDate("2024-01-10")!, opponent: "<b>\"&'", value: 3, line: 2.5)], todayLine: nil)
        let rendered = SVGWriter.markup(chart).svg
        #expect(rendered.contains("vs &lt;b&gt;&quot;&amp;&#39;: 3 assists"))
        #expect(!rendered.contains("<b>"))
    }

    @Test func everyTextOfAShapeIsEscapedByTheWriter() {
        let hostile = "<a href='x'>\"&\"</a>"
        let chart = SVGChart(
            chartID: hostile, width: 10, height: 10, title: hostile, summary: hostile,
            shapes: [
                SVGShape(svgRect: .init(x: hostile, y: "1", w: "2", h: "3", cls: hostile, svgTip: hostile)),
                SVGShape(svgLine: .init(x1: hostile, y1: "1", x2: "2", y2: "3", cls: hostile)),
                SVGShape(svgPath: .init(d: hostile, cls: hostile)),
                SVGShape(svgDot: .init(cx: hostile, cy: "1", r: "2", cls: hostile, svgTip: hostile)),
                SVGShape(
                    svgText: .init(x: hostile, y: "1", anchor: hostile, cls: hostile, text: hostile, vertical: true)),
            ])
        let svg = SVGWriter.markup(chart).svg
        #expect(SVGWriter.escape(hostile) == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
        #expect(!svg.contains(hostile) && !svg.contains("<a") && !svg.contains("'"))
        #expect(svg.components(separatedBy: SVGWriter.escape(hostile)).count - 1 == 21)
        #expect(svg.hasSuffix("</svg>\n") && svg.components(separatedBy: "\n").count == 10)
    }
}
