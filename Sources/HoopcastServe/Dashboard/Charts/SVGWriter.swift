/// Writes an ``SVGChart`` as SVG markup: every attribute and text of the chart is HTML-escaped here, the one place
/// a chart becomes markup, so a player's or team's name in a tooltip cannot inject anything.
///
/// Charts are written in Swift rather than by a mustache partial because a page holds hundreds of shapes: through
/// the template engine, whose every lookup is a dynamic cast, the Player page's six charts cost ~15 ms of its ~25 ms.
enum SVGWriter {
    /// The `<svg>` element of `chart`, ending in a newline.
    static func markup(_ chart: SVGChart) -> ChartMarkup {
        var out = ""
        out.reserveCapacity(256 + chart.shapes.count * 120)
        let id = escape(chart.chartID)
        out += "<svg class=\"chart\(chart.wide ? " wide" : "")\" viewBox=\"0 0 \(chart.width) \(chart.height)\" "
        out += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title id=\"\(id)-title\">\(escape(chart.title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(escape(chart.summary))</desc>\n"
        for shape in chart.shapes { write(shape, to: &out) }
        out += "</svg>\n"
        return ChartMarkup(svg: out)
    }

    /// `shape`'s element (each kind that is set, in the order rect, line, path, circle, text), one a line.
    static func write(_ shape: SVGShape, to out: inout String) {
        if let rect = shape.svgRect {
            out += "<rect x=\"\(escape(rect.x))\" y=\"\(escape(rect.y))\" width=\"\(escape(rect.w))\" "
            out += "height=\"\(escape(rect.h))\" class=\"\(escape(rect.cls))\">\(tip(rect.svgTip))</rect>\n"
        }
        if let line = shape.svgLine {
            out += "<line x1=\"\(escape(line.x1))\" y1=\"\(escape(line.y1))\" x2=\"\(escape(line.x2))\" "
            out += "y2=\"\(escape(line.y2))\" class=\"\(escape(line.cls))\"/>\n"
        }
        if let path = shape.svgPath {
            out += "<path d=\"\(escape(path.d))\" class=\"\(escape(path.cls))\"/>\n"
        }
        if let dot = shape.svgDot {
            out += "<circle cx=\"\(escape(dot.cx))\" cy=\"\(escape(dot.cy))\" r=\"\(escape(dot.r))\" "
            out += "class=\"\(escape(dot.cls))\">\(tip(dot.svgTip))</circle>\n"
        }
        if let label = shape.svgText {
            let x = escape(label.x), y = escape(label.y)
            out += "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(escape(label.anchor))\" class=\"\(escape(label.cls))\""
            if label.vertical { out += " transform=\"rotate(-90 \(x) \(y))\"" }
            out += ">\(escape(label.text))</text>\n"
        }
    }

    /// A hover text as a `<title>` child; nothing without one.
    static func tip(_ text: String?) -> String {
        text.map { "<title>\(escape($0))</title>" } ?? ""
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by their character references (as the templates escape).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// A chart's SVG markup, made only by ``SVGWriter`` (which escapes every text in it): the one value the templates
/// print unescaped, as `{{{svg}}}`.
struct ChartMarkup: Sendable, Hashable {
    /// The `<svg>` element.
    let svg: String

    fileprivate init(svg: String) { self.svg = svg }
}
