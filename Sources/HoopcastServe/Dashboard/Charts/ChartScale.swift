/// A linear map from data values to chart coordinates, and the "nice" tick values of an axis.
struct ChartScale: Sendable, Hashable {
    var domainLow: Double, domainHigh: Double
    var rangeLow: Double, rangeHigh: Double

    /// The coordinate of `value` (the domain's low end maps to `rangeLow`, which may be the larger coordinate).
    func callAsFunction(_ value: Double) -> Double {
        guard domainHigh != domainLow else { return (rangeLow + rangeHigh) / 2 }
        return rangeLow + (value - domainLow) / (domainHigh - domainLow) * (rangeHigh - rangeLow)
    }

    /// About `count` round tick values (steps of 1, 2 or 5 × 10ⁿ) covering `low…high`: the first at or below `low`,
    /// the last at or above `high`.
    static func ticks(low: Double, high: Double, count: Int = 4) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        return stride(from: first, through: last, by: 1).map { ($0 * step * 1e9).rounded() / 1e9 }
    }
}
