import Foundation
import Testing

@testable import HoopcastServe

/// The dashboard's palette against WCAG 2.1: text at least 4.5:1 on the background it is drawn on (AA), chart marks
/// at least 3:1 on the card (1.4.11).
@Suite struct DashboardContrastTests {
    /// WCAG's relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
            let value = Double(Int(String(digits[index...index + 1]), radix: 16)!) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test func theFormulaGivesWCAGsReferenceValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(Self.contrast("#777777", "#ffffff") < 4.5 && Self.contrast("#767676", "#ffffff") >= 4.5)
    }

    @Test func everyTextColourReachesAA() {
        for pair in Palette.textPairs {
            let ratio = Self.contrast(pair.foreground, pair.background)
            #expect(ratio >= 4.5, "\(pair.name): \(pair.foreground) on \(pair.background) is \(ratio):1")
        }
    }

    @Test func everyChartMarkReachesThreeToOne() {
        for pair in Palette.markPairs {
            let ratio = Self.contrast(pair.foreground, pair.background)
            #expect(ratio >= 3, "\(pair.name): \(pair.foreground) on \(pair.background) is \(ratio):1")
        }
    }

    @Test func theStyleSheetUsesOnlyThePalettesColours() {
        let palette = Set(
            [
                Palette.page, Palette.surface, Palette.surfaceAlt, Palette.text, Palette.muted, Palette.border,
                Palette.grid, Palette.accent, Palette.accentHover, Palette.accentText, Palette.navBackground,
                Palette.navText, Palette.navActive, Palette.navMark, Palette.overText, Palette.overBackground,
                Palette.underText, Palette.underBackground, Palette.passText, Palette.passBackground,
                Palette.errorText, Palette.errorBackground, Palette.noticeText, Palette.noticeBackground,
                Palette.barOver, Palette.barUnder, Palette.barPush, Palette.barNone, Palette.lineMark,
                Palette.todayLine,
            ] + Palette.series.map(\.color))
        let css = DashboardStyleSheet.text
        var index = css.startIndex
        while let hash = css[index...].firstIndex(of: "#") {
            let colour = String(css[hash...].prefix(7))
            #expect(palette.contains(colour), "\(colour) is not in the palette")
            index = css.index(after: hash)
        }
    }
}
