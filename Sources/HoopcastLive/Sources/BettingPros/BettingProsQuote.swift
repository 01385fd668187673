/// One row's worth of a BettingPros prop: one book's line with the over and/or under price, at one time.
///
/// A prop carries an over and an under side, each with its own book and line (with one book requested both are
/// that book's; in a best-line listing each side is the best book's, and the two may differ) and, with
/// `include_selections=true`, each side's opening line. Sides of the same book and line make one quote; otherwise
/// each side is its own quote, the other price empty.
struct BettingProsQuote: Sendable, Hashable {
    /// One side as the payload gives it.
    struct Side: Sendable, Hashable {
        /// BettingPros' book id.
        var book: Int
        /// The line.
        var line: Double
        /// The line as the payload writes it (`35.5`).
        var lineText: String
        /// American odds as text ("" when the side has no price).
        var odds: String
        /// When the side was quoted (ISO-8601 UTC).
        var snapshotUTC: String
    }

    /// BettingPros' book id.
    var book: Int
    /// The line as the payload writes it.
    var line: String
    /// American odds of the over ("" when none).
    var overOdds: String
    /// American odds of the under ("" when none).
    var underOdds: String
    /// When it was quoted (ISO-8601 UTC).
    var snapshotUTC: String

    /// The quotes of an over and an under side (either may be absent): one when both are the same book's same line,
    /// stamped with the later of their two times (the pair is complete then; opening lines record the two sides a
    /// second apart at times), else one per side.
    static func pair(over: Side?, under: Side?) -> [BettingProsQuote] {
        if let over, let under, over.book == under.book, over.line == under.line {
            return [
                BettingProsQuote(
                    book: over.book, line: over.lineText, overOdds: over.odds, underOdds: under.odds,
                    snapshotUTC: max(over.snapshotUTC, under.snapshotUTC))
            ]
        }
        var quotes: [BettingProsQuote] = []
        if let over {
            quotes.append(
                BettingProsQuote(
                    book: over.book, line: over.lineText, overOdds: over.odds, underOdds: "",
                    snapshotUTC: over.snapshotUTC))
        }
        if let under {
            quotes.append(
                BettingProsQuote(
                    book: under.book, line: under.lineText, overOdds: "", underOdds: under.odds,
                    snapshotUTC: under.snapshotUTC))
        }
        return quotes
    }
}
