import HoopcastCore
import HoopcastStore
import SQLKit

/// Typed reads of `ops_check_results` for `status`, `check` and the tests.
public struct CheckResultReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// The most recent dates with stored results, newest first, at most `limit`.
    public func recentDates(limit: Int) async throws -> [GameDate] {
        try await db.raw(
            """
            SELECT DISTINCT partition_date FROM ops_check_results ORDER BY partition_date DESC LIMIT \(bind: limit)
            """
        ).all().map { row in
            try row.parsed("partition_date", in: "ops_check_results", key: "dates", GameDate.init)
        }
    }

    /// Every stored result of `date` (every run), by check and time.
    public func results(on date: GameDate) async throws -> [StoredCheckResult] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: StoredCheckResult.table.selectList()) FROM ops_check_results
            WHERE partition_date = \(bind: date.description) ORDER BY check_name, checked_at, run_id
            """
        ).all().map { try StoredCheckResult(row: $0) }
    }

    /// The latest result of each check for each of `dates` (one query per 500 dates), by date, in catalogue order.
    public func latest(on dates: [GameDate]) async throws -> [GameDate: [StoredCheckResult]] {
        var latest: [GameDate: [String: StoredCheckResult]] = [:]
        let texts = Set(dates.map(\.description)).sorted()
        for start in stride(from: 0, to: texts.count, by: 500) {
            for row in try await db.raw(
                """
                SELECT \(unsafeRaw: StoredCheckResult.table.selectList()) FROM ops_check_results
                WHERE partition_date IN (\(binds: Array(texts[start..<min(start + 500, texts.count)])))
                """
            ).all() {
                let stored = try StoredCheckResult(row: row)
                let name = stored.result.definition.name
                if let kept = latest[stored.date]?[name],
                    (kept.checkedAt, kept.runID) >= (stored.checkedAt, stored.runID)
                {
                    continue
                }
                latest[stored.date, default: [:]][name] = stored
            }
        }
        let order = Dictionary(
            CheckCatalogue.all.enumerated().map { ($0.element.name, $0.offset) },
            uniquingKeysWith: { first, _ in first })
        return latest.mapValues { byName in
            byName.values.sorted {
                (order[$0.result.definition.name] ?? .max, $0.result.definition.name)
                    < (order[$1.result.definition.name] ?? .max, $1.result.definition.name)
            }
        }
    }
}
