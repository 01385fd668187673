import HoopcastCore

/// One graded, lined prediction as calibration evidence: the system's raw P(over) and whether the stat went over.
/// Pushes are not evidence (they are neither over nor under).
public struct CalibrationSample: Sendable, Hashable {
    public var system: String
    public var market: Market
    public var rawProbability: Double
    public var wentOver: Bool

    /// Creates a sample.
    public init(system: String, market: Market, rawProbability: Double, wentOver: Bool) {
        self.system = system
        self.market = market
        self.rawProbability = rawProbability
        self.wentOver = wentOver
    }
}

/// The calibration maps for one date, fitted on predictions graded before it (walk-forward by construction).
///
/// Per (system, market) when that pair has at least ``minimumSamples`` graded lined predictions; otherwise per
/// system pooled over its markets when the pool has that many; otherwise none — and a prediction without a
/// calibration map gets no calibrated probability, no confidence and no bet (PASS).
public struct CalibrationBook: Sendable {
    /// Graded lined predictions a map needs.
    public static let minimumSamples = 150

    var byMarket: [String: [Market: IsotonicCalibration]] = [:]
    var pooled: [String: IsotonicCalibration] = [:]

    /// Fits the maps from samples.
    public init(samples: [CalibrationSample]) {
        var grouped: [String: [Market: [(probability: Double, wentOver: Bool)]]] = [:]
        for sample in samples {
            grouped[sample.system, default: [:]][sample.market, default: []].append((sample.rawProbability, sample.wentOver))
        }
        for (system, markets) in grouped {
            for (market, pairs) in markets where pairs.count >= CalibrationBook.minimumSamples {
                byMarket[system, default: [:]][market] = IsotonicCalibration(samples: pairs)
            }
            let all = markets.values.flatMap { $0 }
            if all.count >= CalibrationBook.minimumSamples { pooled[system] = IsotonicCalibration(samples: all) }
        }
    }

    /// The map for a system and market: its own, else the system's pooled one, else nil.
    public func calibration(system: String, market: Market) -> IsotonicCalibration? {
        byMarket[system]?[market] ?? pooled[system]
    }
}
