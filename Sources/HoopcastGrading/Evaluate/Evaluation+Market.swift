import HoopcastCore

/// The market as the reference: the line's own row, the systems' differences to it with their intervals, closing-line
/// value and the segments.
extension Evaluation {
    /// The bootstrap interval of the mean of `value` over `rows`: resampling dates when every row has one and they
    /// span at least ``Bootstrap/minimumDates`` dates, else rows; the interval says which (`unit`).
    static func interval<Row>(
        _ rows: [Row], date: (Row) -> GameDate?, bootstrap: Bootstrap, value: (Row) -> Double
    ) -> Interval? {
        let dates = Set(rows.compactMap { date($0)?.description })
        let byDate = dates.count >= bootstrap.minimumDates && rows.allSatisfy { date($0) != nil }
        let clusters = Bootstrap.clusters(
            Array(rows.enumerated()), by: { byDate ? date($0.element)!.description : "row \($0.offset)" },
            value: { value($0.element) })
        var interval = bootstrap.interval(clusters)
        interval?.unit = byDate ? "date" : "row"
        return interval
    }

    /// The line as a system per market, over the distinct lined rows with an actual value (rows of several systems
    /// for one game, player and market count once; rows without a game and player are never merged).
    static func lineReference(_ rows: [EvaluatedPrediction]) -> [EvaluationReport.LineResult] {
        var byMarket: [Market: [EvaluatedPrediction]] = [:]
        var seen: Set<String> = []
        for row in rows where row.actual != nil && row.line != nil {
            if let game = row.gameID, let player = row.playerID {
                guard seen.insert("\(game)\u{1F}\(player)\u{1F}\(row.market.rawValue)").inserted else { continue }
            }
            byMarket[row.market, default: []].append(row)
        }
        return Market.allCases.compactMap { market in
            guard let lined = byMarket[market] else { return nil }
            let scored = lined.compactMap { row -> (market: Double, wentOver: Bool)? in
                guard let actual = row.actual, let line = row.line, actual != line,
                    let probability = row.marketOverProbability
                else { return nil }
                return (probability, actual > line)
            }
            return EvaluationReport.LineResult(
                market: market.rawValue, linedPredictions: lined.count,
                mae: mean(lined.map { abs($0.line! - $0.actual!) }), scored: scored.count,
                brier: mean(scored.map { ProbabilityScore.brier($0.market, outcome: $0.wentOver) }),
                logLoss: mean(scored.map { ProbabilityScore.logLoss($0.market, outcome: $0.wentOver) }))
        }
    }

    /// Brier score and log loss of the calibrated P(over) and of the market's, on the rows where both exist.
    static func scores(_ rows: [EvaluatedPrediction], bootstrap: Bootstrap) -> EvaluationReport.ProbabilityScores {
        let scored = rows.filter { $0.scored != nil }
        let brier = mean(scored.map { ProbabilityScore.brier($0.scored!.probability, outcome: $0.scored!.wentOver) })
        let marketBrier = mean(scored.map { ProbabilityScore.brier($0.scored!.market, outcome: $0.scored!.wentOver) })
        return EvaluationReport.ProbabilityScores(
            scored: scored.count, brier: brier, marketBrier: marketBrier,
            brierDifference: brier.flatMap { b in marketBrier.map { b - $0 } },
            brierDifferenceInterval: interval(scored, date: \.gameDate, bootstrap: bootstrap) {
                let s = $0.scored!
                return ProbabilityScore.brier(s.probability, outcome: s.wentOver)
                    - ProbabilityScore.brier(s.market, outcome: s.wentOver)
            },
            logLoss: mean(
                scored.map { ProbabilityScore.logLoss($0.scored!.probability, outcome: $0.scored!.wentOver) }),
            marketLogLoss: mean(
                scored.map { ProbabilityScore.logLoss($0.scored!.market, outcome: $0.scored!.wentOver) })
        )
    }

    /// Closing-line value of bets (a row and the side taken), over those with a line and a closing quote.
    static func closingLineValue(
        _ bets: [(row: EvaluatedPrediction, side: Recommendation)], bootstrap: Bootstrap
    ) -> EvaluationReport.ClosingLineSummary {
        let values = bets.compactMap { bet -> (row: EvaluatedPrediction, value: ClosingLineValue)? in
            guard let line = bet.row.line, let closing = bet.row.closing else { return nil }
            let taken = LineQuote(line: line, overOdds: bet.row.overOdds, underOdds: bet.row.underOdds)
            return ClosingLineValue.of(side: bet.side, taken: taken, closing: closing).map { (bet.row, $0) }
        }
        let priced = values.compactMap(\.value.probability)
        return EvaluationReport.ClosingLineSummary(
            bets: values.count, meanLine: mean(values.map(\.value.line)),
            meanLineInterval: interval(values, date: \.row.gameDate, bootstrap: bootstrap) { $0.value.line },
            priced: priced.count, meanProbability: mean(priced))
    }

    /// Lined rows by line bucket × expected-minutes tier, in bucket then tier order, empty segments left out.
    static func segments(_ lined: [EvaluatedPrediction]) -> [EvaluationReport.Segment] {
        guard let market = lined.first?.market else { return [] }
        let groups = Dictionary(grouping: lined) {
            "\(Segments.lineBucket($0.line!, market: market))\u{1F}\(Segments.minutesTier($0.expectedMinutes))"
        }
        return Segments.lineBuckets(market).flatMap { bucket in
            Segments.minutesTiers.compactMap { tier -> EvaluationReport.Segment? in
                guard let rows = groups["\(bucket)\u{1F}\(tier)"] else { return nil }
                let scored = rows.compactMap(\.scored)
                let bets = rows.filter { $0.recommendation.isBet && $0.profitUnits != nil }
                let wins = bets.filter { ($0.profitUnits ?? 0) > 0 }.count
                let losses = bets.filter { ($0.profitUnits ?? 0) < 0 }.count
                return EvaluationReport.Segment(
                    lineBucket: bucket, minutesTier: tier, linedPredictions: rows.count,
                    mae: mean(rows.map { abs($0.predictedValue - $0.actual!) }),
                    lineMae: mean(rows.map { abs($0.line! - $0.actual!) }), scored: scored.count,
                    brier: mean(scored.map { ProbabilityScore.brier($0.probability, outcome: $0.wentOver) }),
                    marketBrier: mean(scored.map { ProbabilityScore.brier($0.market, outcome: $0.wentOver) }),
                    bets: bets.count, wins: wins, losses: losses,
                    roi: bets.isEmpty ? nil : bets.compactMap(\.profitUnits).reduce(0, +) / Double(bets.count))
            }
        }
    }
}
