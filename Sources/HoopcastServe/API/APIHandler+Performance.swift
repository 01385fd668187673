import HoopcastCore
import HoopcastGrading

extension APIHandler {
    func getPerformance(_ input: Operations.GetPerformance.Input) async throws -> Operations.GetPerformance.Output {
        let from = try Parameters.date(input.query.from, name: "from")
        let to = try Parameters.date(input.query.to, name: "to")
        guard from <= to else { throw APIError.invalid("to", "is before 'from'") }
        guard to.days(since: from) <= 400 else { throw APIError.invalid("to", "the range exceeds 400 days") }
        var rows = try await EvaluationReader(db: store.sql).rows(from: from, to: to)
        if let market = input.query.market?.domain { rows.removeAll { $0.market != market } }
        if let system = input.query.system?.domain { rows.removeAll { $0.system != system } }
        guard !rows.isEmpty else { throw APIError(.notFound, "nothing is graded from \(from) to \(to)") }
        let report = Evaluation.report(from: from, to: to, rows: rows)
        var daily = try await GradeReader(db: store.sql).daily(from: from, to: to)
        if let market = input.query.market?.domain { daily.removeAll { $0.market != market } }
        if let system = input.query.system?.domain { daily.removeAll { $0.system != system } }
        let body = Components.Schemas.Performance(
            from: from.description, to: to.description,
            results: report.results.compactMap { result in
                guard let market = Market(rawValue: result.market) else { return nil }
                return .init(
                    system: .init(result.system), market: .init(market), predictions: result.predictions,
                    mae: result.mae, linedPredictions: result.linedPredictions, modelMaeLined: result.modelMaeLined,
                    lineMae: result.lineMae, bets: result.bets, wins: result.wins, losses: result.losses,
                    pushes: result.pushes, hitRate: result.hitRate, roi: result.roi,
                    byEdge: result.byEdge.map {
                        .init(
                            minEdge: $0.minEdge, maxEdge: $0.maxEdge, bets: $0.bets, wins: $0.wins,
                            hitRate: $0.hitRate, roi: $0.roi)
                    },
                    calibration: result.calibration.map {
                        .init(bucket: $0.bucket, predicted: $0.predicted, observed: $0.observed, n: $0.n)
                    })
            },
            weekly: WeeklyPerformance.errors(daily).map {
                .init(
                    weekStart: $0.weekStart.description, market: .init($0.market), system: .init($0.system),
                    lined: $0.lined, modelMae: $0.modelMAE, lineMae: $0.lineMAE)
            },
            cumulativeUnits: WeeklyPerformance.cumulativeUnits(daily).map {
                .init(date: $0.date.description, system: .init($0.system), bets: $0.bets, units: $0.units)
            })
        return .ok(.init(body: .json(body)))
    }
}
