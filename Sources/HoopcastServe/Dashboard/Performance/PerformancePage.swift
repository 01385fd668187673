import HoopcastCore
import HoopcastGrading
import HoopcastPredictions
import HoopcastStore

/// Reads what the performance page shows from the grading layer.
struct PerformancePage: Sendable {
    let store: Store
    let today: GameDate
    let cache: VersionedCache<EvaluationKey, EvaluationReport.SystemResult?>
    /// How far back from the latest prediction the default range looks for graded dates.
    static let lookBack = 120

    func view(query: PerformanceQuery, layout: Layout) async throws -> PerformanceView {
        let db = store.sql
        let grades = GradeReader(db: db)
        var to = query.to ?? today
        if query.to == nil { to = try await latestGraded(grades) }
        let from = query.from ?? to.adding(days: 1 - PerformanceQuery.defaultDays)
        guard from <= to else { throw APIError.invalid("to", "is before 'from'") }
        guard to.days(since: from) <= 400 else { throw APIError.invalid("to", "the range exceeds 400 days") }
        var daily = try await grades.daily(from: from, to: to)
        if let market = query.market { daily.removeAll { $0.market != market } }
        let result = try await evaluation(
            EvaluationKey(from: from, to: to, system: query.system, market: query.market))
        return PerformanceView.make(
            from: from, to: to, query: query, daily: daily, result: result, layout: layout)
    }

    /// The chosen system's evaluation over its lined rows of the range, from the cache while the range's grades are
    /// unchanged.
    func evaluation(_ key: EvaluationKey) async throws -> EvaluationReport.SystemResult? {
        let db = store.sql
        let versions = try await PartitionVersions.read(
            [GradedPrediction.table.name], from: key.from.description, before: key.to.adding(days: 1).description,
            on: db)
        if let cached = cache.value(key, versions: versions) { return cached }
        var rows = try await EvaluationReader(db: db).rows(from: key.from, to: key.to).filter {
            $0.system == key.system && $0.line != nil && (key.market == nil || $0.market == key.market)
        }
        // "All markets" is one group: the calibration and edge buckets pool every market's rows.
        if key.market == nil { rows = rows.map { row in with(row) { $0.market = .points } } }
        // The page shows no interval: one resample keeps the report cheap.
        let report = Evaluation.report(from: key.from, to: key.to, rows: rows, bootstrap: Bootstrap(resamples: 1))
        cache.store(report.results.first, for: key, versions: versions)
        return report.results.first
    }

    /// The latest date with a graded prediction, looking back from the latest prediction; the latest prediction's
    /// date (or today) when nothing is graded.
    func latestGraded(_ grades: GradeReader) async throws -> GameDate {
        let latest = try await PredictionReader(db: store.sql).latestDate() ?? today
        let daily = try await grades.daily(from: latest.adding(days: -Self.lookBack), to: latest)
        return daily.filter { $0.graded > 0 }.map(\.gameDate).max() ?? latest
    }
}

private func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var value = value
    change(&value)
    return value
}
