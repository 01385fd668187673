import HoopcastCore

/// `ensemble`: combines the other systems' predictions with weights from their recent graded error.
///
/// Weight of system s = (1 / MAE_s²) / Σ (1 / MAE²), where MAE_s is its mean absolute error on graded predictions
/// of this market before the date (out of sample by construction: a prediction is graded only after its game).
/// Systems with fewer than ``minimumGraded`` graded predictions share what is left equally; with no graded history
/// at all the weights are equal. The ensemble's spread is the weighted mean of the members' spreads, and P(over)
/// comes from the market's distribution with that mean and spread (``StatDistribution``).
public struct EnsembleSystem: Sendable {
    /// One system's recent graded accuracy for the market.
    public struct Track: Sendable, Hashable {
        /// Mean absolute error on graded predictions before the date.
        public var meanAbsoluteError: Double
        /// How many predictions that error is measured on.
        public var graded: Int

        /// Creates a track record.
        public init(meanAbsoluteError: Double, graded: Int) {
            self.meanAbsoluteError = meanAbsoluteError
            self.graded = graded
        }
    }

    public let name = SystemName.ensemble
    /// Graded predictions a system needs before its error sets its weight.
    public static let minimumGraded = 50

    /// Creates the ensemble.
    public init() {}

    /// The weights for systems by name, summing to 1.
    public static func weights(systems: [SystemName], tracks: [SystemName: Track]) -> [SystemName: Double] {
        guard !systems.isEmpty else { return [:] }
        var inverse: [SystemName: Double] = [:]
        for system in systems {
            if let track = tracks[system], track.graded >= minimumGraded, track.meanAbsoluteError > 0 {
                inverse[system] = 1 / (track.meanAbsoluteError * track.meanAbsoluteError)
            }
        }
        guard !inverse.isEmpty else {
            return Dictionary(uniqueKeysWithValues: systems.map { ($0, 1 / Double(systems.count)) })
        }
        // Systems without a track record get the mean weight of those with one.
        let mean = inverse.values.reduce(0, +) / Double(inverse.count)
        let raw = systems.map { ($0, inverse[$0] ?? mean) }
        let total = raw.map(\.1).reduce(0, +)
        return Dictionary(uniqueKeysWithValues: raw.map { ($0.0, $0.1 / total) })
    }

    /// Combines member outputs (by system name) for one input of `market`.
    public func combine(
        _ outputs: [SystemName: PredictionOutput], tracks: [SystemName: Track], market: Market, line: Double?
    ) -> PredictionOutput {
        // Summed in name order: dictionary order varies between processes, and so would the last bits of the sum.
        let names = outputs.keys.sorted()
        let weights = EnsembleSystem.weights(systems: names, tracks: tracks)
        let mean = names.map { weights[$0]! * outputs[$0]!.predictedValue }.reduce(0, +)
        let sd = names.map { weights[$0]! * outputs[$0]!.standardDeviation }.reduce(0, +)
        return PredictionOutput(
            predictedValue: max(0, mean), standardDeviation: max(sd, 0.5),
            overProbability: line.map {
                StatDistribution.overProbability(
                    market: market, mean: max(0, mean), standardDeviation: max(sd, 0.5), line: $0)
            })
    }
}
