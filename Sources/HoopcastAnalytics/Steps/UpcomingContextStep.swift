import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastStore
import SQLKit

/// `context.upcoming`: for each game on the date and each side, opponent, venue, rest, back-to-back, games in the
/// last 7 days, spread and total from the pre-game line, season type. Uses only games before the date plus the
/// date's schedule and lines. A date with no scheduled games fails: there is nothing to run.
public struct UpcomingContextStep: Step {
    public let name = "context.upcoming"
    public let upstream = ["analytics.game_summaries"]

    /// Creates the step.
    public init() {}

    /// `analytics_upcoming_context`: two rows per game of a date.
    static let table = TableDescription(
        name: "analytics_upcoming_context",
        columns: [
            "game_date", "game_id", "team", "opponent", "is_home", "season", "season_type", "rest_days", "back_to_back",
            "games_last_7_days", "opponent_rest_days", "spread", "total", "line_source",
        ],
        key: [("game_id", .text), ("team", .text)])
    static let writer = PartitionWriter(table)

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let reader = RawReader(db: context.store.sql)
        let games = try await reader.games(on: date)
        guard let season = games.first?.season else {
            throw StepFailure("no games are scheduled on \(date) in raw_games; import the schedule first")
        }
        let previous = try await reader.games(season: season, before: date)
        let lines = try await reader.gameLines(on: date)
        let contexts = UpcomingContextBuilder.build(date: date, games: games, previousGames: previous, lines: lines)
        guard contexts.count == games.count * 2 else {
            throw StepFailure("built \(contexts.count) context rows for \(games.count) games on \(date)")
        }
        let write = try await UpcomingContextStep.writer.plan(
            partition: [("game_date", .text(date.description))], with: contexts.map(UpcomingContextStep.values),
            runID: context.runID, in: context.store)
        let result = write.result
        try await context.commit { db in
            try await write.apply(on: db)
            return result.written + result.deleted
        }
        let withLines = contexts.filter { $0.total != nil || $0.spread != nil }.count / 2
        return StepReport(
            rowsWritten: result.written + result.deleted,
            notes: [
                "\(games.count) games on \(date): \(contexts.count) team contexts (\(result.written) changed), "
                    + "\(withLines) with a game line"
            ])
    }

    static func values(_ item: UpcomingContext) -> [SQLValue] {
        [
            .text(item.gameDate.description), .text(item.gameID), .text(item.team.code), .text(item.opponent.code),
            .int(item.isHome ? 1 : 0), .text(item.season.description), .text(item.seasonType.rawValue),
            .int(item.restDays), .int(item.backToBack ? 1 : 0), .int(item.gamesLast7Days), .int(item.opponentRestDays),
            .double(item.spread), .double(item.total), .text(item.lineSource),
        ]
    }
}
