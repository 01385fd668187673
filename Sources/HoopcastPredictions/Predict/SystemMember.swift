import HoopcastCore
import HoopcastModels

/// A prediction system as the predict step runs it: a name, a prediction (nil when the system cannot predict this
/// market, e.g. no CatBoost model trained before the date) and the model id recorded with each prediction.
public struct SystemMember: Sendable {
    /// The stored system name.
    public let name: SystemName
    /// Predictions for all inputs of a date, in input order.
    let predict: @Sendable ([PredictionInput]) -> [PredictionOutput?]
    let model: @Sendable (Market) -> String
    /// Whether the ensemble (and the stack) combine its predictions: every system but `catboost_residual`, which
    /// predicts only lined rows and is the line plus a correction already.
    public let joinsEnsemble: Bool

    /// Wraps a rule-based system; its model id is `<name>@<Feature.version>`.
    public init(_ system: some PredictionSystem) {
        name = system.name
        predict = { $0.map { system.predict($0) } }
        let id = "\(system.name)@\(Feature.version)"
        model = { _ in id }
        joinsEnsemble = true
    }

    /// Wraps the CatBoost system built from the models registered before the date; markets without a model are
    /// not predicted by it. The date's rows are evaluated in one batch per market.
    public init(_ system: CatBoostSystem) {
        name = system.name
        predict = { system.predict($0) }
        model = { system.modelID(for: $0) ?? "none" }
        joinsEnsemble = system.target == .actual
    }

    /// The rule-based systems, always available.
    public static let ruleBased: [SystemMember] = [
        SystemMember(MovingAverageSystem()), SystemMember(MatchupSystem()), SystemMember(SimilaritySystem()),
    ]
}
