import HoopcastCore

/// `catboost`: the registered CatBoost model of the input's market, with the shared per-player spread.
///
/// mean = max(0, model prediction) on the feature row in the model's column order; spread:
/// ``StatDistribution/standardDeviation(market:mean:sampleStandardDeviation:games:)`` with the last-10 standard
/// deviation and min(games played this season, 10) games; P(over) from that normal distribution when a line exists.
/// Built per date from ``ModelRegistry/models(on:)``, so it only ever uses models trained before the date.
public struct CatBoostSystem: Sendable {
    /// The stored system name.
    public let name = SystemName.catboost
    private let models: [Market: RegisteredModel]

    /// Creates the system from the models chosen for one date (markets without a model are not predicted).
    public init(models: [Market: RegisteredModel]) {
        self.models = models
    }

    /// The id of the model used for `market` (e.g. `points@2023-10-01`), nil when there is none.
    public func modelID(for market: Market) -> String? {
        models[market]?.id
    }

    /// Predicts one (player, game, market); nil when no model serves the input's market.
    public func predict(_ input: PredictionInput) -> PredictionOutput? {
        guard let model = models[input.market] else { return nil }
        return output(input, raw: model.predict(input.features))
    }

    /// Predicts many inputs at once, one batch per market (equal to ``predict(_:)`` on each input, faster).
    public func predict(_ inputs: [PredictionInput]) -> [PredictionOutput?] {
        var outputs = [PredictionOutput?](repeating: nil, count: inputs.count)
        for (market, indexes) in Dictionary(grouping: inputs.indices, by: { inputs[$0].market }) {
            guard let model = models[market] else { continue }
            let raw = model.predict(rows: indexes.map { inputs[$0].features })
            for (index, value) in zip(indexes, raw) { outputs[index] = output(inputs[index], raw: value) }
        }
        return outputs
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
