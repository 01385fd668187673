import HoopcastAnalytics
import HoopcastCore
import HoopcastIngest
import HoopcastPredictions
import SQLKit

/// Reads a date's predictions joined with names, teams and games, through the owning layers' readers (four
/// queries a date, whatever its size).
public struct SlateReader: Sendable {
    let db: any SQLDatabase

    public init(db: any SQLDatabase) { self.db = db }

    /// The date's predictions in ``SlatePrediction/sortKey`` order.
    public func predictions(on date: GameDate) async throws -> [SlatePrediction] {
        let records = try await PredictionReader(db: db).rows(on: date)
        guard !records.isEmpty else { return [] }
        let games = Dictionary(
            try await RawReader(db: db).games(on: date).map { ($0.gameID, $0) }, uniquingKeysWith: { a, _ in a })
        let names = try await RegistryReader(db: db).names(of: Set(records.map(\.playerID)))
        let home = try await FeatureReader(db: db).venues(on: date)
        return Self.join(records, games: games, names: names, home: home)
    }

    /// Joins predictions with their games, names and venues; pure, in sort-key order.
    static func join(
        _ records: [PredictionRecord], games: [String: ScheduledGame], names: [Int: String],
        home: [PlayerGameKey: Bool]
    ) -> [SlatePrediction] {
        records.map { record in
            let game = games[record.gameID]
            let isHome = home[PlayerGameKey(gameID: record.gameID, playerID: record.playerID)]
            let team = game.flatMap { game in isHome.map { $0 ? game.homeTeam : game.awayTeam } }
            return SlatePrediction(record: record, playerName: names[record.playerID], team: team, game: game)
        }.sorted { $0.sortKey < $1.sortKey }
    }
}
