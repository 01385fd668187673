import HoopcastCore

/// What the slate page is asked for: a date (default: the latest with predictions), one system (default the
/// ensemble), optionally one market, one game, bets only, and the table's order.
struct TonightQuery: Sendable, Hashable {
    /// The columns the table sorts by.
    enum Sort: String, Sendable, Hashable, CaseIterable {
        case player, game, market, line, prediction, pOver = "p_over", edge, confidence, call, actual
    }

    var date: GameDate?
    var market: Market?
    var game: String?
    var system: SystemName = .ensemble
    var betsOnly = false
    var sort: Sort = .edge
    var descending = true

    init() {}

    /// The query of a request; a 400 naming the parameter when one is not understood.
    init(_ query: DashboardQuery) throws(APIError) {
        date = try query.date("date")
        market = try query.choice("market", Market.self)
        game = query["game"].map { String($0.prefix(32)) }
        system = try query.choice("system", SystemName.self) ?? .ensemble
        switch query["show"] {
        case nil, "lined": betsOnly = false
        case "bets": betsOnly = true
        case let other?: throw APIError.invalid("show", "'\(other.prefix(32))' is not 'lined' or 'bets'")
        }
        sort = try query.choice("sort", Sort.self) ?? .edge
        switch query["dir"] {
        case nil: descending = TonightQuery.descendsFirst(sort)
        case "asc": descending = false
        case "desc": descending = true
        case let other?: throw APIError.invalid("dir", "'\(other.prefix(32))' is not 'asc' or 'desc'")
        }
    }

    /// Numbers sort high to low on a first click, names A to Z.
    static func descendsFirst(_ sort: Sort) -> Bool {
        switch sort {
        case .player, .game, .market, .call: false
        default: true
        }
    }

    /// The page for `date` with these filters, ordered by `sort` (this query's order when nil).
    func link(date: GameDate, sort: Sort? = nil, descending: Bool? = nil) -> String {
        let sort = sort ?? self.sort
        let descending = descending ?? self.descending
        return DashboardQuery.link(
            "/tonight",
            [
                ("date", date.description), ("market", market?.rawValue), ("game", game),
                ("system", system == .ensemble ? nil : system.rawValue), ("show", betsOnly ? "bets" : nil),
                ("sort", sort == .edge && descending ? nil : sort.rawValue),
                ("dir", sort == .edge && descending ? nil : descending ? "desc" : "asc"),
            ])
    }
}
