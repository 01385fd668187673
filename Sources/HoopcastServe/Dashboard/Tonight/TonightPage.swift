import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore

/// Reads what the slate page shows, through the owning layers' readers.
struct TonightPage: Sendable {
    let store: Store
    /// Today in US Eastern time: the date shown when no prediction exists at all.
    let today: GameDate
    /// The dates' joined predictions.
    let slates: VersionedCache<GameDate, [SlatePrediction]>
    /// The dates' graded rows.
    let grades: VersionedCache<GameDate, [GradedPrediction]>

    /// The date's graded rows with a line (the page shows no other), from the cache while the date's grades are
    /// unchanged (reading them is most of the page's time once its slate is cached).
    func dayGrades(_ date: GameDate) async throws -> [GradedPrediction] {
        let versions = try await PartitionVersions.read(
            [GradedPrediction.table.name], from: date.description, before: date.adding(days: 1).description,
            on: store.sql)
        if let cached = grades.value(date, versions: versions) { return cached }
        let rows = try await GradeReader(db: store.sql).linedResults(on: date)
        grades.store(rows, for: date, versions: versions)
        return rows
    }

    func view(query: TonightQuery, layout: Layout) async throws -> TonightView {
        let db = store.sql
        let raw = RawReader(db: db)
        let latest = try await PredictionReader(db: db).latestDate()
        let date = query.date ?? latest ?? today
        let slate = try await SlateReader(db: db, cache: slates).predictions(on: date)
        var grades: [String: Grade] = [:]
        for result in try await dayGrades(date) where result.system == query.system {
            grades[TonightView.gradeKey(gameID: result.gameID, playerID: result.playerID, market: result.market)] =
                result.grade
        }
        let previous = try await raw.gameDates(from: date.adding(days: -30), to: date.adding(days: -1)).last
        // Later dates are offered up to the latest with predictions.
        let last = latest ?? today
        let next = try await raw.gameDates(from: date.adding(days: 1), to: date.adding(days: 30)).first { $0 <= last }
        return TonightView.make(
            date: date, query: query, slate: slate, grades: grades, games: try await raw.games(on: date),
            neighbours: (previous, next), layout: layout)
    }
}
