/// The layer a check guards; each layer's checks run together as one step of the daily pipeline.
public enum CheckLayer: String, Sendable, Hashable, Codable, CaseIterable {
    /// The raw rows of the date (schedule, box scores, game and prop lines), before analytics.
    case raw
    /// The date's feature rows, after `features.player_market` and before `predict.systems`.
    case features
    /// The date's predictions, after `predict.systems` and before `grade.predictions`.
    case predictions

    /// The pipeline step that runs the layer's checks (`check.raw`, `check.features`, `check.predictions`).
    public var step: String { "check.\(rawValue)" }
}
