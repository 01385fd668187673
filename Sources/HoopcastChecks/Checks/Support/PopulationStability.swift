import Foundation

/// The population stability index of a sample against a reference sample, pure.
///
/// The reference's deciles cut the line into at most ten bins (tied cut points merge bins); each bin's share of
/// the current sample `c` and of the reference `r` (each at least ``floor``, so an empty bin counts) give
/// `PSI = Σ (c − r) · ln(c / r)`. Read as: below 0.1 no shift, 0.1–0.25 a moderate one, above 0.25 a large one.
/// A reference of more than ``referenceSample`` values is thinned to an evenly strided sample of about that size
/// (every k-th value) for both the deciles and the shares: each bin still holds a couple of hundred reference
/// values, and a month of rows is not sorted and binned for every market and feature of every date.
public enum PopulationStability {
    /// The smallest share a bin is given.
    public static let floor = 1e-4
    /// The most reference values used (a larger reference is thinned to every k-th value).
    public static let referenceSample = 2_000

    /// The index of `current` against `reference`; nil when either is empty.
    public static func index(current: [Double], reference whole: [Double], bins: Int = 10) -> Double? {
        guard !current.isEmpty, !whole.isEmpty, bins >= 2 else { return nil }
        let stride = max(1, whole.count / referenceSample)
        let reference = stride == 1 ? whole : Swift.stride(from: 0, to: whole.count, by: stride).map { whole[$0] }
        let sorted = reference.sorted()
        var edges: [Double] = []
        for bin in 1..<bins {
            let edge = sorted[min(sorted.count - 1, bin * sorted.count / bins)]
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        func shares(_ values: [Double]) -> [Double] {
            var counts = [Int](repeating: 0, count: edges.count + 1)
            for value in values { counts[bin(of: value)] += 1 }
            return counts.map { max(Double($0) / Double(values.count), floor) }
        }
        // The first edge greater than the value: bins are [edge(i-1), edge(i)).
        func bin(of value: Double) -> Int {
            var low = 0, high = edges.count
            while low < high {
                let middle = (low + high) / 2
                if edges[middle] <= value { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let c = shares(current), r = shares(reference)
        var total = 0.0
        for index in c.indices { total += (c[index] - r[index]) * log(c[index] / r[index]) }
        return total
    }
}
