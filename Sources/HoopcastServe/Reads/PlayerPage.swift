import HoopcastCore
import HoopcastPredictions

/// A player's page as of a date, computed from the season's box scores before it and the predictions of those
/// games and of the date: pure, so that its counts are checked by hand in tests.
struct PlayerPage: Sendable {
    /// How a stat ended against a line.
    enum Side: String, Sendable, Hashable { case over, under, push }

    /// A game's line in one market and how the stat ended against it.
    struct LineResult: Sendable, Hashable {
        var market: Market
        var line: Double
        var side: Side
    }

    /// Over/under/push counts of earlier games against one line.
    struct HitRate: Sendable, Hashable {
        var games = 0, overs = 0, unders = 0, pushes = 0
    }

    struct MarketHitRates: Sendable, Hashable {
        var market: Market
        var line: Double
        var last5: HitRate, last10: HitRate, last20: HitRate, season: HitRate
    }

    struct LoggedGame: Sendable, Hashable {
        var box: BoxScoreLine
        /// The line of the game's predictions per market, with how the stat ended against it.
        var lines: [LineResult]
    }

    var gameLog: [LoggedGame]
    var hitRates: [MarketHitRates]
    /// Season games before the date, oldest first.
    var minutes: [(date: GameDate, minutes: Double)]
    /// The date's ensemble predictions.
    var predictions: [PredictionRecord]

    static func side(_ value: Double, line: Double) -> Side {
        value > line ? .over : value < line ? .under : .push
    }

    /// Builds the page from the season's box scores before the date (newest first), the predictions of those games,
    /// and the date's predictions; the log holds the `games` newest.
    init(season: [BoxScoreLine], earlier: [PredictionRecord], today: [PredictionRecord], games: Int) {
        var lineByGame: [String: [Market: Double]] = [:]
        for record in earlier where record.system == .ensemble {
            if let line = record.line?.line { lineByGame[record.gameID, default: [:]][record.market] = line }
        }
        gameLog = season.prefix(games).map { box in
            let lines = Market.allCases.compactMap { market -> LineResult? in
                guard let line = lineByGame[box.gameID]?[market] else { return nil }
                return LineResult(market: market, line: line, side: PlayerPage.side(market.value(of: box), line: line))
            }
            return LoggedGame(box: box, lines: lines)
        }
        predictions = today.filter { $0.system == .ensemble }
        hitRates = predictions.compactMap { record in
            guard let line = record.line?.line else { return nil }
            func rate(_ boxes: ArraySlice<BoxScoreLine>) -> HitRate {
                var rate = HitRate()
                for box in boxes {
                    rate.games += 1
                    switch PlayerPage.side(record.market.value(of: box), line: line) {
                    case .over: rate.overs += 1
                    case .under: rate.unders += 1
                    case .push: rate.pushes += 1
                    }
                }
                return rate
            }
            return MarketHitRates(
                market: record.market, line: line, last5: rate(season.prefix(5)), last10: rate(season.prefix(10)),
                last20: rate(season.prefix(20)), season: rate(season[...]))
        }
        minutes = season.reversed().map { ($0.gameDate, $0.minutes) }
    }
}

extension Market {
    /// The market's stat in a box score.
    func value(of box: BoxScoreLine) -> Double {
        value(points: box.points, rebounds: box.rebounds, assists: box.assists, threes: box.threesMade)
    }
}
