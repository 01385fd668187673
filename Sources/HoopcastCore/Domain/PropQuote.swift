/// One book's offer for a (player, market) on a date: the line and its prices at one snapshot.
public struct PropQuote: Sendable, Hashable {
    /// The book (`draftkings`, `prizepicks`, …).
    public var book: String
    /// Sportsbook (priced) or daily-fantasy (unpriced).
    public var bookType: BookType
    /// The line in stat units.
    public var line: Double
    /// American odds of the over; nil when the book posted none.
    public var overOdds: Double?
    /// American odds of the under; nil when the book posted none.
    public var underOdds: Double?
    /// When the line was captured (ISO-8601 UTC), empty when unknown.
    public var snapshotUTC: String
    /// When the game starts (ISO-8601 UTC), empty when unknown.
    public var commenceUTC: String

    /// Creates a quote.
    public init(
        book: String, bookType: BookType, line: Double, overOdds: Double?, underOdds: Double?,
        snapshotUTC: String, commenceUTC: String
    ) {
        self.book = book
        self.bookType = bookType
        self.line = line
        self.overOdds = overOdds
        self.underOdds = underOdds
        self.snapshotUTC = snapshotUTC
        self.commenceUTC = commenceUTC
    }

    /// Why a quote must not be used for a game on `date`, or nil when it is usable:
    /// - `post-tip`: captured at or after the start (when both times are known) — the line already knew the game;
    /// - `stale`: captured before the day preceding the game date — the market has moved since;
    /// - `placeholder`: a zero line, or a sportsbook quote without any price, or a price that is not valid
    ///   American odds (|odds| < 100) — books post these as stand-ins before real prices.
    public func exclusion(on date: GameDate) -> String? {
        if !snapshotUTC.isEmpty, !commenceUTC.isEmpty, snapshotUTC >= commenceUTC { return "post-tip" }
        if let captured = GameDate(String(snapshotUTC.prefix(10))), captured < date.adding(days: -1) { return "stale" }
        if line <= 0 { return "placeholder" }
        if bookType == .sportsbook, overOdds == nil, underOdds == nil { return "placeholder" }
        for odds in [overOdds, underOdds].compactMap({ $0 }) where abs(odds) < 100 { return "placeholder" }
        return nil
    }
}
