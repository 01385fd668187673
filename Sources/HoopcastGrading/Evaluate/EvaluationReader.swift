import HoopcastAnalytics
import HoopcastCore
import HoopcastStore
import SQLKit

/// Reads the graded predictions of a date range as the evaluation sees them (one query, through ``GradeReader``),
/// and, for the market comparisons, each row's expected minutes, line book and closing quote (through the feature
/// and prop-quote readers of the layers that own those tables).
public struct EvaluationReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader.
    public init(db: any SQLDatabase) { self.db = db }

    /// Every graded prediction dated in [from, to], in (date, game, player, market, system) order.
    public func rows(from: GameDate, to: GameDate) async throws -> [EvaluatedPrediction] {
        try await GradeReader(db: db).results(from: from, to: to).map(EvaluationReader.row)
    }

    /// The same rows with their market context: expected minutes (`minutes_last5_mean` of the feature row), the
    /// book of the line, and that book's quote at the last pre-tip snapshot (usable quotes only, as
    /// ``PropQuote/exclusion(on:)`` defines them; for `consensus`, the consensus of the latest snapshot). Reads
    /// one date at a time.
    public func rowsWithMarketContext(from: GameDate, to: GameDate) async throws -> [EvaluatedPrediction] {
        let graded = try await GradeReader(db: db).results(from: from, to: to)
        let byDate = Dictionary(grouping: graded, by: \.gameDate)
        var result: [EvaluatedPrediction] = []
        result.reserveCapacity(graded.count)
        for date in byDate.keys.sorted() {
            var features: [String: StoredFeatureRow] = [:]
            for row in try await FeatureReader(db: db).rows(on: date) {
                features["\(row.gameID)\u{1F}\(row.playerID)\u{1F}\(row.market.rawValue)"] = row
            }
            let quotes = try await PropQuoteReader(db: db).quotes(on: date).quotes
            var closings: [String: LineQuote?] = [:]
            for prediction in byDate[date]! {
                var row = EvaluationReader.row(prediction)
                let feature = features[
                    "\(prediction.gameID)\u{1F}\(prediction.playerID)\u{1F}\(prediction.market.rawValue)"]
                row.expectedMinutes = feature?.values[.minutesLast5Mean]
                if prediction.line != nil, let book = feature?.line?.book {
                    row.lineBook = book
                    let key = "\(prediction.playerID)\u{1F}\(prediction.market.rawValue)\u{1F}\(book)"
                    if closings[key] == nil {
                        let offers = quotes[PlayerMarketKey(playerID: prediction.playerID, market: prediction.market)]
                        closings[key] = EvaluationReader.closing(book: book, offers: offers ?? [])
                    }
                    row.closing = closings[key] ?? nil
                }
                result.append(row)
            }
        }
        return result
    }

    /// The quote of `book` at its last usable snapshot among `offers` (for `consensus`, the consensus line of the
    /// latest snapshot, as ``LinePolicy/consensus`` chooses it); nil when the book has none.
    static func closing(book: String, offers: [PropQuote]) -> LineQuote? {
        let chosen =
            book == "consensus"
            ? LinePolicy.consensus.choose(from: offers)
            : LinePolicy.preferred([book]).choose(from: offers.filter { $0.book == book })
        return chosen.map { LineQuote(line: $0.line, overOdds: $0.overOdds, underOdds: $0.underOdds) }
    }

    static func row(_ graded: GradedPrediction) -> EvaluatedPrediction {
        EvaluatedPrediction(
            system: graded.system, market: graded.market, recommendation: graded.recommendation,
            predictedValue: graded.predictedValue, actual: graded.grade.actual, line: graded.line,
            overOdds: graded.overOdds, underOdds: graded.underOdds, rawOverProbability: graded.rawOverProbability,
            overProbability: graded.overProbability, edge: graded.edge, profitUnits: graded.grade.profitUnits,
            gameDate: graded.gameDate, gameID: graded.gameID, playerID: graded.playerID)
    }
}
