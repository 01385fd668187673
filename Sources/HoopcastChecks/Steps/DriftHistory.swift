import HoopcastAnalytics
import HoopcastCore
import HoopcastStore
import SQLKit

/// The drift reference: each date's gated feature rows reduced to ``DriftSample``s, for the ``DriftCheck/windowDays``
/// days before a date. A backfill's `check.features` reads each date's rows anyway; they are kept here and serve as
/// the next dates' reference, so the store is read only for dates this process has not seen or whose rows changed
/// since (their change counter in `ops_partition_versions` moved).
actor DriftHistory {
    private var byDate: [GameDate: (version: Int, samples: [DriftSample])] = [:]

    /// The samples of [date − window, date) in date order; `versions` are the feature table's change counters of at
    /// least that range.
    func reference(before date: GameDate, versions: [String: Int], db: any SQLDatabase) async throws -> [DriftSample] {
        let from = date.adding(days: -DriftCheck.windowDays)
        byDate = byDate.filter { $0.key >= from && $0.key <= date }
        // Every day of the window not kept, or kept at another change counter (a day without rows has none: 0).
        let stale = (0..<DriftCheck.windowDays).map { from.adding(days: $0) }.filter {
            byDate[$0]?.version != (versions[$0.description] ?? 0)
        }
        if let first = stale.min(), let last = stale.max() {
            var read: [GameDate: [DriftSample]] = [:]
            for market in Market.allCases {
                for row in try await FeatureReader(db: db).gatedRows(
                    market: market, features: DriftCheck.features, from: first, before: last.adding(days: 1))
                {
                    read[row.gameDate, default: []].append(DriftSample(market: market, values: row.features))
                }
            }
            for day in stale { byDate[day] = (versions[day.description] ?? 0, DriftHistory.canonical(read[day] ?? [])) }
        }
        return byDate.filter { $0.key < date }.sorted { $0.key < $1.key }.flatMap(\.value.samples)
    }

    /// Keeps `rows`' gated samples as the reference of `date` at change counter `version`.
    func remember(_ rows: [StoredFeatureRow], of date: GameDate, version: Int) {
        let samples = rows.filter { $0.gate == .pass }.map { DriftSample(market: $0.market, values: $0.values) }
        byDate[date] = (version, DriftHistory.canonical(samples))
    }

    /// One order whichever way the rows were read (the drift check thins a long reference by position).
    static func canonical(_ samples: [DriftSample]) -> [DriftSample] {
        samples.sorted { lhs, rhs in
            if lhs.market != rhs.market { return lhs.market.rawValue < rhs.market.rawValue }
            for index in 0..<4 where lhs.measures[index] != rhs.measures[index] {
                return lhs.measures[index] < rhs.measures[index]
            }
            return false
        }
    }
}
