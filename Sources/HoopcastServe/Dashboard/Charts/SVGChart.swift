/// A chart as the `chart` template draws it: a view box, an accessible title and description, and shapes in paint
/// order. Coordinates are text (``SVGNumber``) so that tests compare exact output; every text goes through the
/// template's HTML escaping, so a chart never carries markup of its own.
struct SVGChart: Sendable, Hashable {
    /// Unique on its page: the `id` prefix of the title and description the `<svg>` is labelled by.
    var chartID: String
    var width: Int
    var height: Int
    /// A wide chart keeps a minimum width on narrow screens (its box scrolls) so that its labels stay legible.
    var wide = false
    /// The chart's accessible name (`<title>`).
    var title: String
    /// What the chart shows, in words (`<desc>`).
    var summary: String
    var shapes: [SVGShape]
}

/// One element of a chart; exactly one of the fields is set (the template draws whichever it is).
struct SVGShape: Sendable, Hashable {
    struct Rect: Sendable, Hashable {
        var x: String, y: String, w: String, h: String
        var cls: String
        /// Shown on hover (a `<title>` child).
        var svgTip: String?
    }

    struct Segment: Sendable, Hashable {
        var x1: String, y1: String, x2: String, y2: String
        var cls: String
    }

    struct Path: Sendable, Hashable {
        var d: String
        var cls: String
    }

    struct Dot: Sendable, Hashable {
        var cx: String, cy: String, r: String
        var cls: String
        var svgTip: String?
    }

    struct Label: Sendable, Hashable {
        var x: String, y: String
        /// `start`, `middle` or `end`.
        var anchor: String
        var cls: String
        var text: String
        /// Drawn turned a quarter anticlockwise about its anchor (a y-axis title).
        var vertical = false
    }

    // Names unlike any field of a page: a nil field is looked up in the enclosing contexts by mustache.
    var svgRect: Rect?
    var svgLine: Segment?
    var svgPath: Path?
    var svgDot: Dot?
    var svgText: Label?

    static func rect(x: Double, y: Double, w: Double, h: Double, cls: String, tooltip: String? = nil) -> SVGShape {
        SVGShape(
            svgRect: Rect(
                x: SVGNumber.text(x), y: SVGNumber.text(y), w: SVGNumber.text(w), h: SVGNumber.text(h), cls: cls,
                svgTip: tooltip))
    }

    static func segment(x1: Double, y1: Double, x2: Double, y2: Double, cls: String) -> SVGShape {
        SVGShape(
            svgLine: Segment(
                x1: SVGNumber.text(x1), y1: SVGNumber.text(y1), x2: SVGNumber.text(x2), y2: SVGNumber.text(y2),
                cls: cls))
    }

    /// A polyline through `points`; a nil point breaks it (a new `M`).
    static func path(_ points: [(x: Double, y: Double)?], cls: String) -> SVGShape? {
        var d: [String] = []
        var pen = false
        for point in points {
            guard let point else {
                pen = false
                continue
            }
            d.append("\(pen ? "L" : "M")\(SVGNumber.text(point.x)) \(SVGNumber.text(point.y))")
            pen = true
        }
        return d.isEmpty ? nil : SVGShape(svgPath: Path(d: d.joined(separator: " "), cls: cls))
    }

    static func dot(cx: Double, cy: Double, r: Double, cls: String, tooltip: String? = nil) -> SVGShape {
        SVGShape(
            svgDot: Dot(
                cx: SVGNumber.text(cx), cy: SVGNumber.text(cy), r: SVGNumber.text(r), cls: cls, svgTip: tooltip))
    }

    static func label(
        _ text: String, x: Double, y: Double, anchor: String = "middle", cls: String, vertical: Bool = false
    ) -> SVGShape {
        SVGShape(
            svgText: Label(
                x: SVGNumber.text(x), y: SVGNumber.text(y), anchor: anchor, cls: cls, text: text, vertical: vertical))
    }
}

/// Coordinates as text: one decimal, without a trailing `.0`.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths)) % 10
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
