import HoopcastAnalytics
import HoopcastCore
import HoopcastIngest
import HoopcastPredictions
import HoopcastStore
import SQLKit

/// Reads a date's predictions joined with names, teams and games, through the owning layers' readers (four
/// queries a date, whatever its size).
public struct SlateReader: Sendable {
    let db: any SQLDatabase
    let cache: VersionedCache<GameDate, [SlatePrediction]>?

    /// A reader over `db`; with a `cache`, a date is joined again only when its predictions or feature rows changed.
    init(db: any SQLDatabase, cache: VersionedCache<GameDate, [SlatePrediction]>? = nil) {
        self.db = db
        self.cache = cache
    }

    /// A reader over `db` without a cache.
    public init(db: any SQLDatabase) { self.init(db: db, cache: nil) }

    /// Dates a server keeps joined (the serve benchmark: 43 dates of ~5,500 predictions, all cached with the Tonight
    /// page's graded rows; the whole server peaked at 190 MiB of resident memory).
    public static let cachedDates = 64

    /// The tables whose change counters (``PartitionVersions``) a cached slate is checked against: every pipeline
    /// run that changes a date's schedule, players or lines rewrites its feature rows and predictions.
    static let versionedTables = [PredictionReader.table, FeatureReader.table]

    /// The date's predictions in ``SlatePrediction/sortKey`` order.
    public func predictions(on date: GameDate) async throws -> [SlatePrediction] {
        guard let cache else { return try await read(date) }
        let versions = try await PartitionVersions.read(
            Self.versionedTables, from: date.description, before: date.adding(days: 1).description, on: db)
        if let cached = cache.value(date, versions: versions) { return cached }
        let slate = try await read(date)
        cache.store(slate, for: date, versions: versions)
        return slate
    }

    private func read(_ date: GameDate) async throws -> [SlatePrediction] {
        let records = try await PredictionReader(db: db).rows(on: date)
        guard !records.isEmpty else { return [] }
        let games = Dictionary(
            try await RawReader(db: db).games(on: date).map { ($0.gameID, $0) }, uniquingKeysWith: { a, _ in a })
        let names = try await RegistryReader(db: db).names(of: Set(records.map(\.playerID)))
        let home = try await FeatureReader(db: db).venues(on: date)
        return Self.join(records, games: games, names: names, home: home)
    }

    /// Joins predictions with their games, names and venues; pure, in sort-key order. Equal model names share one
    /// string (most are longer than Swift stores inline, and a cached slate holds thousands).
    static func join(
        _ records: [PredictionRecord], games: [String: ScheduledGame], names: [Int: String],
        home: [PlayerGameKey: Bool]
    ) -> [SlatePrediction] {
        var models: [String: String] = [:]
        return records.map { record in
            var record = record
            if let shared = models[record.model] { record.model = shared } else { models[record.model] = record.model }
            let game = games[record.gameID]
            let isHome = home[PlayerGameKey(gameID: record.gameID, playerID: record.playerID)]
            let team = game.flatMap { game in isHome.map { $0 ? game.homeTeam : game.awayTeam } }
            return SlatePrediction(record: record, playerName: names[record.playerID], team: team, game: game)
        }.sorted { $0.sortKey < $1.sortKey }
    }
}
