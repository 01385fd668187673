/// The plot area of a chart inside its view box, and the y axis every chart draws the same way: horizontal grid
/// lines at round values with their labels on the left.
struct ChartFrame: Sendable, Hashable {
    var width: Double, height: Double
    var left: Double, right: Double, top: Double, bottom: Double

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// The y scale over `ticks` (the first tick at the bottom).
    func yScale(_ ticks: [Double]) -> ChartScale {
        ChartScale(
            domainLow: ticks.first ?? 0, domainHigh: ticks.last ?? 1, rangeLow: plotBottom, rangeHigh: plotTop)
    }

    /// Grid lines and labels of `ticks` (`format` writes a tick's label); the line at zero, when inside, is marked.
    func yAxis(_ ticks: [Double], scale: ChartScale, format: (Double) -> String) -> [SVGShape] {
        ticks.flatMap { tick -> [SVGShape] in
            let y = scale(tick)
            let zero = tick == 0 && ticks.first! < 0
            return [
                .segment(x1: plotLeft, y1: y, x2: plotRight, y2: y, cls: zero ? "grid zero" : "grid"),
                .label(format(tick), x: plotLeft - 6, y: y + 4, anchor: "end", cls: "axis"),
            ]
        }
    }
}
