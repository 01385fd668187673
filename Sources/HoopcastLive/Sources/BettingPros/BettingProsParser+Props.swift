import HoopcastCore

extension BettingProsParser {
    /// Why a prop or a quote became no row: the keys of ``ParsedRows/skipped``. Market and no-line reasons count
    /// props, book reasons count quotes (a quote being one would-be row).
    public enum SkipReason {
        /// A market id ``BettingProsMarkets`` does not map: `market 346 not mapped`.
        public static func market(_ id: Int) -> String { "market \(id) not mapped" }
        /// BettingPros' consensus pseudo-book (id 0): a summary of the books, not a book.
        public static let consensus = "book 0 (BettingPros Consensus) is not a book"
        /// A book id ``BettingProsBooks`` does not know: `book 71 not in the book table`.
        public static func book(_ id: Int) -> String { "book \(id) not in the book table" }
        /// A prop whose over and under both lack a line.
        public static let noLine = "prop without a line on either side"
    }

    /// `/v3/props?include_events=true`: one `prop_lines` row per book, player, market, line and snapshot.
    ///
    /// The snapshot of the current lines is the payload's own capture time (`utc`, falling back to `fetchedAt`
    /// when absent), so a replay stamps the same time. With `include_selections=true` each side also carries its
    /// opening line (`selection.opening_line`: line, price, book, `created`), stored as an earlier snapshot of the
    /// book that opened it. Game date (Eastern), teams (NBA codes, ``BettingProsTeams``) and tip-off come from the
    /// payload's `events`; the player is the book's name as written (`participant.name`), resolved later by the
    /// name-resolution pass as for every prop source. Markets and books not in ``BettingProsMarkets`` and
    /// ``BettingProsBooks`` (and the consensus pseudo-book) are skipped and counted by ``SkipReason``; a payload
    /// with props whose every quote was skipped is ``PayloadError/Kind/noRows``. A missing member or a value of the
    /// wrong type, an unknown team code or a prop of an event not listed is schema drift at its JSON path.
    public static func props(_ root: JSONCursor, fetchedAt: String) throws(PayloadError) -> ParsedRows {
        var snapshot = fetchedAt
        if let time = try root.optional("utc") { snapshot = try utc(time) }
        var events: [Int: [String: String]] = [:]
        for event in try root["events"].array() {
            let scheduled = try event["scheduled"].string()
            guard let date = EasternTime.gameDate(utc: scheduled) else {
                throw try event["scheduled"].drift("not a UTC time 'YYYY-MM-DD HH:MM:SS': '\(scheduled)'")
            }
            let id = try event["id"].int()
            events[id] = [
                "game_date": date.description, "commence_utc": try utc(event["scheduled"]), "event_id": String(id),
                "home_team": try team(event["home"]).code, "away_team": try team(event["visitor"]).code,
            ]
        }
        var parsed = ParsedRows()
        for prop in try root["props"].array() {
            let eventID = try prop["event_id"].int()
            guard let event = events[eventID] else {
                throw try prop["event_id"].drift("event \(eventID) is not among the payload's events")
            }
            let player = try prop["participant"]["name"].string()
            let over = try prop["over"], under = try prop["under"]
            let quotes =
                BettingProsQuote.pair(over: try current(over, at: snapshot), under: try current(under, at: snapshot))
                + BettingProsQuote.pair(over: try opening(over), under: try opening(under))
            let marketID = try prop["market_id"].int()
            guard let market = BettingProsMarkets.market(marketID) else {
                parsed.skip(SkipReason.market(marketID))
                continue
            }
            if quotes.isEmpty { parsed.skip(SkipReason.noLine) }
            for quote in quotes {
                guard let book = BettingProsBooks.book(quote.book) else {
                    parsed.skip(
                        quote.book == BettingProsBooks.consensusID ? SkipReason.consensus : SkipReason.book(quote.book))
                    continue
                }
                var row = event
                row["source"] = source
                row["book"] = book.key
                row["book_type"] = book.type.rawValue
                row["market"] = market.rawValue
                row["player_name"] = player
                row["line"] = quote.line
                row["over_odds"] = quote.overOdds
                row["under_odds"] = quote.underOdds
                row["snapshot_utc"] = quote.snapshotUTC
                parsed.append(row, to: .propLines)
            }
        }
        if parsed.total == 0, !parsed.skipped.isEmpty {
            let reasons = parsed.skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            throw PayloadError(
                .noRows, source: root.context.source, endpoint: root.context.endpoint, location: "$.props",
                reason: "every quote was skipped (\(reasons.joined(separator: ", ")))")
        }
        return parsed
    }

    /// A side's current line (`over` or `under`: `line`, `odds`, `book`); nil when the side or its line is null.
    static func current(_ side: JSONCursor, at snapshot: String) throws(PayloadError) -> BettingProsQuote.Side? {
        guard side.value != .null, let line = try side.optional("line") else { return nil }
        return BettingProsQuote.Side(
            book: try side["book"].int(), line: try line.number(), lineText: line.cellText(),
            odds: try american(side.optional("odds")), snapshotUTC: snapshot)
    }

    /// A side's opening line (`selection.opening_line`: `line`, `cost`, `book_id`, `created`); nil when the payload
    /// has none (requested without `include_selections=true`, or null).
    static func opening(_ side: JSONCursor) throws(PayloadError) -> BettingProsQuote.Side? {
        guard side.value != .null, let selection = try side.optional("selection"),
            let opening = try selection.optional("opening_line"), let line = try opening.optional("line")
        else { return nil }
        return BettingProsQuote.Side(
            book: try opening["book_id"].int(), line: try line.number(), lineText: line.cellText(),
            odds: try american(opening.optional("cost")), snapshotUTC: try utc(opening["created"]))
    }

    /// American odds as text (`-110`, `105`); "" when absent.
    static func american(_ odds: JSONCursor?) throws(PayloadError) -> String {
        guard let odds else { return "" }
        let number = try odds.number()
        if let whole = Int(exactly: number) { return String(whole) }
        return String(number)
    }
}
