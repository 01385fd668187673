import HoopcastCore
import HoopcastGrading

/// The slate page: a date's lined predictions of one system with their line, book, prediction, P(over), edge,
/// call and confidence (and how they ended, once graded), filtered and ordered as asked. Built purely from what
/// ``TonightPage`` reads.
struct TonightView: Sendable {
    struct Row: Sendable, Hashable {
        var playerName: String
        var playerHref: String
        var team: String
        var matchup: String
        var market: String
        var line: String
        var book: String
        var prediction: String
        var pOver: String
        var pOverValue: String
        var edge: String
        var edgeValue: String
        var edgeClass: String
        var call: String
        var callClass: String
        var confidence: String
        var actual: String
        var actualClass: String
        /// How the bet ended (nil: not a bet, or not graded yet).
        var result: String?
        var resultClass: String
    }

    /// A column heading: a link to the page ordered by it (the script sorts in place instead).
    struct Column: Sendable, Hashable {
        var label: String
        /// The page ordered by this column (nil: the server does not order by it).
        var href: String?
        /// `num` or `text`: how the script compares the column.
        var type: String
        var ariaSort: String?
        var numeric: Bool
    }

    var layout: Layout
    var date: String
    var dateLabel: String
    var previousHref: String?
    var previousLabel: String?
    var nextHref: String?
    var nextLabel: String?
    var markets: [Choice]
    var games: [Choice]
    var systems: [Choice]
    var shows: [Choice]
    var columns: [Column]
    var rows: [Row]
    var hasRows: Bool
    var summary: String
    var emptyMessage: String
    var caption: String
}

extension TonightView {
    /// The key of a graded result: game, player and market.
    static func gradeKey(gameID: String, playerID: Int, market: Market) -> String { "\(gameID)|\(playerID)|\(market)" }

    /// The page for `date`: `slate` is the date's predictions (every system), `grades` the chosen system's graded
    /// results by ``gradeKey(gameID:playerID:market:)``, `games` the date's games (for the game filter).
    static func make(
        date: GameDate, query: TonightQuery, slate: [SlatePrediction], grades: [String: Grade],
        games: [ScheduledGame], neighbours: (previous: GameDate?, next: GameDate?), layout: Layout
    ) -> TonightView {
        var chosen = slate.filter { $0.record.system == query.system && $0.record.line != nil }
        if let market = query.market { chosen.removeAll { $0.record.market != market } }
        if let game = query.game { chosen.removeAll { $0.record.gameID != game } }
        if query.betsOnly { chosen.removeAll { !$0.record.recommendation.isBet } }
        let graded = chosen.map { prediction in
            (prediction, grades[gradeKey(prediction)])
        }
        let ordered = sorted(graded, by: query.sort, descending: query.descending)
        let overs = chosen.filter { $0.record.recommendation == .over }.count
        let unders = chosen.filter { $0.record.recommendation == .under }.count
        let gameChoices = games.sorted { $0.gameID < $1.gameID }.map {
            Choice(value: $0.gameID, label: "\($0.awayTeam) @ \($0.homeTeam)", selected: $0.gameID == query.game)
        }
        return TonightView(
            layout: layout, date: date.description, dateLabel: DashboardFormat.longDate(date),
            previousHref: neighbours.previous.map { query.link(date: $0) },
            previousLabel: neighbours.previous.map(DashboardFormat.shortDate),
            nextHref: neighbours.next.map { query.link(date: $0) },
            nextLabel: neighbours.next.map(DashboardFormat.shortDate),
            markets: [Choice(value: "", label: "All markets", selected: query.market == nil)]
                + Market.allCases.map {
                    Choice(value: $0.rawValue, label: DashboardFormat.label($0), selected: $0 == query.market)
                },
            games: [Choice(value: "", label: "All games", selected: query.game == nil)] + gameChoices,
            systems: SystemName.allCases.map {
                Choice(value: $0.rawValue, label: DashboardFormat.label($0), selected: $0 == query.system)
            },
            shows: [
                Choice(value: "lined", label: "Every lined prediction", selected: !query.betsOnly),
                Choice(value: "bets", label: "Bets only (OVER/UNDER)", selected: query.betsOnly),
            ],
            columns: columns(date: date, query: query), rows: ordered.map { row($0.0, $0.1) },
            hasRows: !chosen.isEmpty,
            summary: "\(chosen.count) lined prediction\(chosen.count == 1 ? "" : "s") · \(overs + unders) "
                + "bet\(overs + unders == 1 ? "" : "s") (\(overs) over, \(unders) under)",
            emptyMessage: slate.isEmpty
                ? "No predictions for \(DashboardFormat.longDate(date)) yet."
                : "No lined prediction matches these filters.",
            caption: "\(DashboardFormat.label(query.system)) predictions against the line, "
                + DashboardFormat.longDate(date))
    }

    static func gradeKey(_ prediction: SlatePrediction) -> String {
        gradeKey(
            gameID: prediction.record.gameID, playerID: prediction.record.playerID, market: prediction.record.market)
    }

    static func columns(date: GameDate, query: TonightQuery) -> [Column] {
        let headings: [(TonightQuery.Sort?, String, Bool)] = [
            (.player, "Player", false), (.game, "Game", false), (.market, "Market", false), (.line, "Line", true),
            (nil, "Book", false), (.prediction, "Pred.", true), (.pOver, "P(over)", true), (.edge, "Edge", true),
            (.call, "Call", false), (.confidence, "Conf.", true), (.actual, "Actual", true), (nil, "Result", false),
        ]
        return headings.map { sort, label, numeric in
            let current = sort == query.sort
            let descending = current ? !query.descending : sort.map(TonightQuery.descendsFirst) ?? false
            return Column(
                label: label, href: sort.map { query.link(date: date, sort: $0, descending: descending) },
                type: numeric ? "num" : "text",
                ariaSort: current ? (query.descending ? "descending" : "ascending") : nil, numeric: numeric)
        }
    }

    /// Rows in the asked order; missing values last whatever the direction; ties in slate order.
    static func sorted(
        _ rows: [(SlatePrediction, Grade?)], by sort: TonightQuery.Sort, descending: Bool
    ) -> [(SlatePrediction, Grade?)] {
        func number(_ row: (SlatePrediction, Grade?)) -> Double? {
            let record = row.0.record
            switch sort {
            case .line: return record.line?.line
            case .prediction: return record.predictedValue
            case .pOver: return record.overProbability
            case .edge: return record.edge
            case .confidence: return record.confidence
            case .actual: return row.1?.actual
            case .player, .game, .market, .call: return nil
            }
        }
        func text(_ row: (SlatePrediction, Grade?)) -> String {
            switch sort {
            case .player: return row.0.playerName ?? ""
            case .game: return row.0.matchup
            case .market: return DashboardFormat.label(row.0.record.market)
            case .call: return row.0.record.recommendation.rawValue
            default: return ""
            }
        }
        let numeric = [.line, .prediction, .pOver, .edge, .confidence, .actual].contains(sort)
        return rows.sorted { a, b in
            if numeric {
                switch (number(a), number(b)) {
                case let (x?, y?) where x != y: return descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.0.sortKey < b.0.sortKey
                }
            }
            let (x, y) = (text(a), text(b))
            if x != y { return descending ? x > y : x < y }
            return a.0.sortKey < b.0.sortKey
        }
    }

    static func row(_ prediction: SlatePrediction, _ grade: Grade?) -> Row {
        let record = prediction.record
        let line = record.line?.line
        let actualClass: String =
            switch (grade?.actual, line) {
            case let (actual?, line?) where actual > line: "pos"
            case let (actual?, line?) where actual < line: "neg"
            default: ""
            }
        return Row(
            playerName: prediction.playerName ?? "Player \(record.playerID)",
            playerHref: DashboardQuery.link(
                "/players/\(record.playerID)", [("date", record.gameDate.description)]),
            team: prediction.team?.code ?? "", matchup: prediction.matchup,
            market: DashboardFormat.label(record.market), line: line.map { DashboardFormat.number($0) } ?? "",
            book: record.line?.book ?? "", prediction: DashboardFormat.number(record.predictedValue),
            pOver: record.overProbability.map { DashboardFormat.percent($0) } ?? "",
            pOverValue: record.overProbability.map { String($0) } ?? "",
            edge: record.edge.map { DashboardFormat.signedPercent($0) } ?? "",
            edgeValue: record.edge.map { String($0) } ?? "",
            edgeClass: (record.edge ?? 0) > 0 ? "pos" : (record.edge ?? 0) < 0 ? "neg" : "",
            call: record.recommendation == .noLine ? "NO LINE" : record.recommendation.rawValue,
            callClass: record.recommendation.rawValue.lowercased(),
            confidence: record.confidence.map { DashboardFormat.number($0, decimals: 0) } ?? "",
            actual: grade?.actual.map { DashboardFormat.number($0, decimals: 0) } ?? "", actualClass: actualClass,
            result: resultLabel(grade?.outcome), resultClass: grade.map { "result-\($0.outcome.rawValue)" } ?? "")
    }

    static func resultLabel(_ outcome: BetOutcome?) -> String? {
        switch outcome {
        case .win?: "Win"
        case .loss?: "Loss"
        case .push?: "Push"
        case .void?: "Void"
        case .noBet?, nil: nil
        }
    }
}
