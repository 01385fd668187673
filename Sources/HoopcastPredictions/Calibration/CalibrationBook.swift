import HoopcastCore

/// One graded, lined prediction as calibration evidence: the system's raw P(over) and whether the stat went over.
/// Pushes are not evidence (they are neither over nor under).
public struct CalibrationSample: Sendable, Hashable {
    public var system: SystemName
    public var market: Market
    public var rawProbability: Double
    /// The market's vig-free P(over) from the prices (nil without both prices).
    public var marketProbability: Double?
    public var wentOver: Bool

    /// Creates a sample.
    public init(system: SystemName, market: Market, rawProbability: Double, marketProbability: Double?, wentOver: Bool)
    {
        self.system = system
        self.market = market
        self.rawProbability = rawProbability
        self.marketProbability = marketProbability
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

    var byMarket: [SystemName: [Market: MarketCalibration]] = [:]
    var pooled: [SystemName: MarketCalibration] = [:]
    /// Fits that had enough samples but failed (one-sided outcomes, a singular system, no convergence), in a stable
    /// order, e.g. `"catboost/threes (412)"` or `"catboost/pooled (2210)"`. Their predictions fall back to the pooled
    /// map, or PASS without one; the predict step reports them in its notes so a failed fit is never silent.
    public private(set) var failedFits: [String] = []

    /// Fits the maps from samples.
    public init(samples: [CalibrationSample]) {
        var grouped: [SystemName: [Market: [MarketCalibration.Sample]]] = [:]
        for sample in samples {
            grouped[sample.system, default: [:]][sample.market, default: []].append(
                (sample.rawProbability, sample.marketProbability, sample.wentOver))
        }
        for (system, markets) in grouped.sorted(by: { $0.key < $1.key }) {
            for market in Market.allCases {
                guard let pairs = markets[market], pairs.count >= CalibrationBook.minimumSamples else { continue }
                if let fit = MarketCalibration(samples: pairs) {
                    byMarket[system, default: [:]][market] = fit
                } else {
                    failedFits.append("\(system)/\(market.rawValue) (\(pairs.count))")
                }
            }
            // In market order: a dictionary's order changes from process to process, and the fit's sums with it
            // (in the last bits, enough to change a content hash).
            let all = Market.allCases.flatMap { markets[$0] ?? [] }
            guard all.count >= CalibrationBook.minimumSamples else { continue }
            if let fit = MarketCalibration(samples: all) {
                pooled[system] = fit
            } else {
                failedFits.append("\(system)/pooled (\(all.count))")
            }
        }
    }

    /// The map for a system and market: its own, else the system's pooled one, else nil.
    public func calibration(system: SystemName, market: Market) -> MarketCalibration? {
        byMarket[system]?[market] ?? pooled[system]
    }
}
