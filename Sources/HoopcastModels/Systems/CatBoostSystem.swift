import HoopcastCore

/// `catboost`: the registered CatBoost model of the input's market, with the shared per-player spread; and
/// `catboost_residual`, the same over the residual models (``ModelTarget/residual``).
///
/// mean = max(0, model prediction) on the feature row in the model's column order — for `catboost_residual`,
/// max(0, line + model prediction), and no prediction without a line; spread:
/// ``StatDistribution/standardDeviation(market:mean:sampleStandardDeviation:games:)`` with the last-10 standard
/// deviation and min(games played this season, 10) games; P(over) from that normal distribution when a line exists.
/// Built per date from ``ModelRegistry/models(on:)``, so it only ever uses models trained before the date.
public struct CatBoostSystem: Sendable {
    /// The stored system name: `catboost`, or `catboost_residual` for the residual models.
    public let name: SystemName
    /// What the models predict.
    public let target: ModelTarget
    private let models: [Market: RegisteredModel]

    /// Creates the system from the models of `target` chosen for one date (markets without a model are not
    /// predicted).
    public init(models: [Market: RegisteredModel], target: ModelTarget = .actual) {
        self.models = models
        self.target = target
        self.name = target == .actual ? .catboost : .catboostResidual
    }

    /// The id of the model used for `market` (e.g. `points@2023-10-01`), nil when there is none.
    public func modelID(for market: Market) -> String? {
        models[market]?.id
    }

    /// Predicts one (player, game, market); nil when no model serves the input's market.
    public func predict(_ input: PredictionInput) -> PredictionOutput? {
        guard let model = models[input.market], let offset = offset(input) else { return nil }
        return output(input, raw: offset + model.predict(input.features))
    }

    /// Predicts many inputs at once, one batch per market (equal to ``predict(_:)`` on each input, faster).
    public func predict(_ inputs: [PredictionInput]) -> [PredictionOutput?] {
        var outputs = [PredictionOutput?](repeating: nil, count: inputs.count)
        let offsets = inputs.map(offset)
        let predicted = inputs.indices.compactMap { index in offsets[index].map { (index: index, offset: $0) } }
        for (market, rows) in Dictionary(grouping: predicted, by: { inputs[$0.index].market }) {
            guard let model = models[market] else { continue }
            let raw = model.predict(rows: rows.map { inputs[$0.index].features })
            for (row, value) in zip(rows, raw) {
                outputs[row.index] = output(inputs[row.index], raw: row.offset + value)
            }
        }
        return outputs
    }

    /// What the model's output is added to: 0 for the stat, the line for a residual (nil — no prediction — without
    /// one).
    private func offset(_ input: PredictionInput) -> Double? {
        target == .actual ? 0 : input.line
    }

    private func output(_ input: PredictionInput, raw: Double) -> PredictionOutput {
        let mean = max(0, raw)
        let sd = StatDistribution.standardDeviation(
            market: input.market, mean: mean,
            sampleStandardDeviation: input[.statLast10Std],
            games: min(input[.gamesPlayedSeason], 10))
        return PredictionOutput(
            predictedValue: mean, standardDeviation: sd,
            overProbability: input.line.map {
                StatDistribution.overProbability(market: input.market, mean: mean, standardDeviation: sd, line: $0)
            })
    }
}
