/// The dashboard's colours, named once: the style sheet is written from them and `DashboardContrastTests` checks
/// every pair of text and background they are used in against WCAG AA (4.5:1 for text, 3:1 for chart marks).
enum Palette {
    static let page = "#f3f5f8"
    static let surface = "#ffffff"
    static let surfaceAlt = "#f7f9fb"
    static let text = "#172031"
    static let muted = "#4f5a6b"
    static let border = "#d5dbe4"
    static let grid = "#e4e8ee"
    static let accent = "#1d5bb8"
    static let accentHover = "#154688"
    static let accentText = "#ffffff"
    static let navBackground = "#0f1b2d"
    static let navText = "#c8d3e2"
    static let navActive = "#ffffff"
    static let navMark = "#f5a524"
    static let overText = "#0d6534"
    static let overBackground = "#e1f3e7"
    static let underText = "#9b2227"
    static let underBackground = "#fbe6e6"
    static let passText = "#4a5363"
    static let passBackground = "#eceff3"
    static let errorText = "#8f1d22"
    static let errorBackground = "#fdecec"
    static let noticeText = "#11502c"
    static let noticeBackground = "#e4f4ea"
    static let barOver = "#23844b"
    static let barUnder = "#c23b3b"
    static let barPush = "#6f7a8a"
    static let barNone = "#8993a3"
    static let lineMark = "#172031"
    static let todayLine = "#b4460b"

    /// The series colours, by CSS class.
    static let series: [(cls: String, color: String)] = [
        ("s-ensemble", "#1d5bb8"), ("s-catboost", "#b4460b"), ("s-matchup", "#23844b"),
        ("s-moving_average", "#7143b3"), ("s-similarity", "#5a6575"), ("s-stack", "#0f7c8a"),
        ("s-observed", "#1d5bb8"),
        ("s-minutes", "#1d5bb8"), ("s-average", "#b4460b"),
    ]

    /// Text colours on the backgrounds they are drawn on (each must reach 4.5:1).
    static let textPairs: [(name: String, foreground: String, background: String)] = [
        ("body text", text, page), ("text on cards", text, surface), ("text on striped rows", text, surfaceAlt),
        ("muted text", muted, surface), ("muted text on the page", muted, page),
        ("muted on striped rows", muted, surfaceAlt), ("links", accent, surface), ("links on the page", accent, page),
        ("buttons", accentText, accent), ("buttons, hovered", accentText, accentHover),
        ("navigation", navText, navBackground), ("current navigation", navActive, navBackground),
        ("OVER", overText, overBackground), ("UNDER", underText, underBackground), ("PASS", passText, passBackground),
        ("errors", errorText, errorBackground), ("notices", noticeText, noticeBackground),
        ("positive numbers", overText, surface), ("negative numbers", underText, surface),
        ("date's line label", todayLine, surface),
    ]

    /// Chart marks on a card (each must reach 3:1, WCAG 1.4.11).
    static let markPairs: [(name: String, foreground: String, background: String)] =
        [
            ("over bars", barOver, surface), ("under bars", barUnder, surface), ("push bars", barPush, surface),
            ("bars without a line", barNone, surface), ("the game lines", lineMark, surface),
            ("the date's line", todayLine, surface),
        ] + series.map { ("series \($0.cls)", $0.color, surface) }
}
