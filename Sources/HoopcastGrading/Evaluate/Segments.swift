import HoopcastCore

/// The line buckets and expected-minutes tiers `evaluate` splits results by. Fixed in advance from the typical
/// range of each market's lines (not chosen on any result): roughly role players, regular contributors and stars.
public enum Segments {
    /// Upper bounds (exclusive) of the line buckets per market; a line at or above the last bound is in the top
    /// bucket.
    public static let lineBounds: [Market: [Double]] = [
        .points: [10, 20], .rebounds: [5, 8], .assists: [3, 6], .threes: [1, 2], .pointsReboundsAssists: [20, 30],
    ]
    /// Upper bounds (exclusive) of the expected-minutes tiers (expected minutes = the row's `minutes_last5_mean`).
    public static let minutesBounds: [Double] = [20, 30]

    /// The label of `line`'s bucket in `market`: `<10`, `10-20`, `>=20`.
    public static func lineBucket(_ line: Double, market: Market) -> String {
        label(line, bounds: lineBounds[market] ?? [])
    }

    /// The label of the expected-minutes tier: `<20`, `20-30`, `>=30` (`unknown` without the feature).
    public static func minutesTier(_ minutes: Double?) -> String {
        minutes.map { label($0, bounds: minutesBounds) } ?? "unknown"
    }

    /// Every line bucket label of `market`, in order.
    public static func lineBuckets(_ market: Market) -> [String] { labels(lineBounds[market] ?? []) }

    /// Every minutes tier label, in order (`unknown` last).
    public static var minutesTiers: [String] { labels(minutesBounds) + ["unknown"] }

    static func label(_ value: Double, bounds: [Double]) -> String {
        guard let first = bounds.first, let last = bounds.last else { return "all" }
        if value < first { return "<\(format(first))" }
        for (low, high) in zip(bounds, bounds.dropFirst()) where value >= low && value < high {
            return "\(format(low))-\(format(high))"
        }
        return ">=\(format(last))"
    }

    static func labels(_ bounds: [Double]) -> [String] {
        guard let first = bounds.first, let last = bounds.last else { return ["all"] }
        return ["<\(format(first))"] + zip(bounds, bounds.dropFirst()).map { "\(format($0))-\(format($1))" }
            + [">=\(format(last))"]
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
