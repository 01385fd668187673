import HoopcastCore

/// How the line a prediction is measured against is chosen from the books' quotes.
///
/// - ``consensus`` (the default): at the latest snapshot, the median line across books; the prices are the
///   medians of the books that posted exactly that line (none when the median falls between two books' lines, and
///   then −110 is assumed, as for any missing price). `line_book` is `consensus`.
/// - ``preferred(_:)``: the first book of the list that quoted the player, at that book's latest snapshot, with
///   its own prices; when none of them did, the consensus.
public enum LinePolicy: Sendable, Hashable {
    case consensus
    case preferred([String])

    /// The default book order for ``preferred(_:)``: the largest US sportsbooks first.
    public static let defaultBooks = ["draftkings", "fanduel", "betmgm", "caesars", "pointsbetus", "betrivers"]

    /// The chosen line from usable quotes (already filtered with ``PropQuote/exclusion(on:)``); nil without any.
    public func choose(from quotes: [PropQuote]) -> ChosenLine? {
        guard let latest = quotes.map(\.snapshotUTC).max(), let earliest = quotes.map(\.snapshotUTC).min() else {
            return nil
        }
        let current = LinePolicy.latestPerBook(quotes.filter { $0.snapshotUTC == latest })
        let opening = LinePolicy.latestPerBook(quotes.filter { $0.snapshotUTC == earliest })
        guard let consensusLine = LinePolicy.median(current.map(\.line)),
            let openingLine = LinePolicy.median(opening.map(\.line))
        else { return nil }
        let movement = consensusLine - openingLine
        let range = (current.map(\.line).max() ?? consensusLine) - (current.map(\.line).min() ?? consensusLine)
        if case .preferred(let books) = self {
            for book in books {
                let offers = quotes.filter { $0.book == book }
                guard let newest = offers.map(\.snapshotUTC).max(),
                    let quote = LinePolicy.latestPerBook(offers.filter { $0.snapshotUTC == newest }).first
                else { continue }
                return ChosenLine(
                    line: quote.line, book: book, overOdds: quote.overOdds, underOdds: quote.underOdds,
                    movement: movement, books: current.count, snapshotUTC: newest, range: range)
            }
        }
        let atLine = current.filter { $0.line == consensusLine }
        return ChosenLine(
            line: consensusLine, book: "consensus",
            overOdds: LinePolicy.medianOdds(atLine.compactMap(\.overOdds)),
            underOdds: LinePolicy.medianOdds(atLine.compactMap(\.underOdds)),
            movement: movement, books: current.count, snapshotUTC: latest, range: range)
    }

    /// One quote per book (a book quoting several lines at one snapshot — alternates — keeps its main line, the
    /// one priced closest to even; then the lower line; then the lower over and under prices). The order is total,
    /// so the choice does not depend on the order the quotes were read in (which SQL leaves undefined and the two
    /// engines return differently): two quotes of one line priced as mirror images (−120/+100 and +100/−120) are
    /// equally balanced, and the first one read used to win.
    static func latestPerBook(_ quotes: [PropQuote]) -> [PropQuote] {
        var best: [String: PropQuote] = [:]
        for quote in quotes {
            if let kept = best[quote.book], !quote.isPreferred(over: kept) { continue }
            best[quote.book] = quote
        }
        return best.keys.sorted().map { best[$0]! }
    }

    /// The median price, taken on implied probabilities (the middle two of an even count averaged as
    /// probabilities, so −105 and +105 give −100/+100 rather than the meaningless American "0"), to the cent.
    public static func medianOdds(_ odds: [Double]) -> Double? {
        median(odds.map(impliedProbability)).map { (americanOdds($0) * 100).rounded() / 100 }
    }

    /// The win probability American odds imply (no vig removed): −150 → 0.6, +150 → 0.4.
    public static func impliedProbability(_ odds: Double) -> Double {
        odds < 0 ? -odds / (-odds + 100) : 100 / (odds + 100)
    }

    /// The market's vig-free P(over), `o / (o + u)` with o and u the prices' implied probabilities; nil unless both
    /// prices are posted.
    public static func vigFreeOverProbability(overOdds: Double?, underOdds: Double?) -> Double? {
        guard let over = overOdds, let under = underOdds else { return nil }
        let o = impliedProbability(over), u = impliedProbability(under)
        return o / (o + u)
    }

    /// American odds for an implied probability (inverse of ``impliedProbability(_:)``).
    public static func americanOdds(_ probability: Double) -> Double {
        probability >= 0.5 ? -100 * probability / (1 - probability) : 100 * (1 - probability) / probability
    }

    /// The median (the mean of the middle two for an even count); nil for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The line a prediction is measured against.
public struct ChosenLine: Sendable, Hashable {
    /// The line (stat units).
    public var line: Double
    /// The book it came from, or `consensus`.
    public var book: String
    /// American odds of the over (nil: none posted).
    public var overOdds: Double?
    /// American odds of the under (nil: none posted).
    public var underOdds: Double?
    /// Latest consensus minus the earliest snapshot's consensus.
    public var movement: Double
    /// Books quoting at the latest snapshot.
    public var books: Int
    /// When the chosen quote was captured (ISO-8601 UTC): the latest snapshot for the consensus, the book's newest
    /// for a preferred book.
    public var snapshotUTC: String
    /// The highest minus the lowest line of the books quoting at the latest snapshot (how much they disagree).
    public var range: Double

    /// Creates a chosen line.
    public init(
        line: Double, book: String, overOdds: Double?, underOdds: Double?, movement: Double, books: Int,
        snapshotUTC: String, range: Double = 0
    ) {
        self.range = range
        self.line = line
        self.book = book
        self.overOdds = overOdds
        self.underOdds = underOdds
        self.movement = movement
        self.books = books
        self.snapshotUTC = snapshotUTC
    }
}

extension PropQuote {
    /// True when this quote is a book's main quote rather than `other` (of the same book and snapshot): closer to
    /// even prices, then the lower line, then the lower over price, then the lower under price (a missing price
    /// before any).
    func isPreferred(over other: PropQuote) -> Bool {
        if imbalance != other.imbalance { return imbalance < other.imbalance }
        if line != other.line { return line < other.line }
        if overOdds != other.overOdds { return (overOdds ?? -.infinity) < (other.overOdds ?? -.infinity) }
        return (underOdds ?? -.infinity) < (other.underOdds ?? -.infinity)
    }

    /// How far the two prices are from an even market (0 for −110/−110; large for an alternate line).
    var imbalance: Double {
        guard let over = overOdds, let under = underOdds else { return 0 }
        return abs(LinePolicy.impliedProbability(over) - LinePolicy.impliedProbability(under))
    }
}
