import HoopcastCore
import HoopcastModels

/// One graded (game, player, market) with a line, as evidence for the ``StackSystem`` fit of its market.
public struct StackEvidence: Sendable, Hashable {
    /// The market.
    public var market: Market
    /// The line, the actual stat and the members' predictions.
    public var sample: StackSystem.Sample

    /// Creates evidence.
    public init(market: Market, sample: StackSystem.Sample) {
        self.market = market
        self.sample = sample
    }

    /// Each market's fit from `evidence` (in the order given).
    public static func fits(_ evidence: [StackEvidence]) -> [Market: StackSystem.Fit] {
        var byMarket: [Market: [StackSystem.Sample]] = [:]
        for row in evidence { byMarket[row.market, default: []].append(row.sample) }
        return byMarket.compactMapValues { StackSystem.fit($0) }
    }
}
