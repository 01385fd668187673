import HoopcastCore

/// What one performance-page evaluation covers.
struct EvaluationKey: Hashable, Sendable {
    var from: GameDate
    var to: GameDate
    var system: SystemName
    var market: Market?
}
