import HoopcastCore
import HoopcastIngest
import HoopcastStore
import Logging
import SQLKit

/// Live ingestion of one date in two halves: ``fetch(date:phase:sources:oddsSnapshot:runID:)`` fetches the date's
/// payloads through the one HTTP client, archives and parses them (the network half; the store is only read), and
/// ``write(_:on:)`` writes every parsed row and manifest entry, then the player registry and prop-line names, inside
/// one transaction. `hoopcast ingest` runs both (``run(date:phase:sources:oddsSnapshot:runID:)``); the ingest steps
/// run the write inside their commit, with the job's completion.
public struct LiveIngestor: Sendable {
    /// The HTTP client.
    public let client: LiveHTTPClient
    /// The warehouse.
    public let store: Store
    /// The raw archive.
    public let archive: RawArchive
    /// Base URLs and keys.
    public let settings: SourceSettings
    /// Time (fetch timestamps).
    public let clock: any WallClock
    /// Where progress is logged.
    public let logger: Logger

    /// Creates an ingestor.
    public init(
        client: LiveHTTPClient, store: Store, archive: RawArchive, settings: SourceSettings,
        clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "hoopcast.ingest")
    ) {
        self.client = client
        self.store = store
        self.archive = archive
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// `hoopcast ingest`: fetches `date` and writes what arrived in one transaction, failed payloads recorded in the
    /// manifest as failed; `sources` nil means every source whose key is configured. Reports failure when any
    /// payload failed or never arrived, whatever else was written.
    public func run(
        date: GameDate, phase: IngestPhase = .all, sources: Set<String>? = nil,
        oddsSnapshot: String? = nil, runID: String
    ) async throws -> IngestReport {
        let runLog = RunLog(store: store)
        try await runLog.start(runID: runID, command: "ingest --date \(date) --phase \(phase.rawValue)")
        do {
            let fetched = try await fetch(
                date: date, phase: phase, sources: sources, oddsSnapshot: oddsSnapshot,
                runID: runID)
            try await SourceHealthBoard(db: store.sql).record(fetched.report, at: clock.now)
            let report = try await store.transaction { db in try await self.write(fetched, on: db) }
            let failures = report.payloads.filter(\.failed).count
            try await runLog.finish(runID: runID, error: report.failed ? "\(failures) payloads failed" : nil)
            return report
        } catch {
            try await runLog.finish(runID: runID, error: Redactor(secrets: settings.secrets).scrub("\(error)"))
            throw error
        }
    }

    /// Writes `fetched` inside the transaction `db`: each payload's rows (through validation, content hashes and
    /// quarantine) and manifest entry in request order, then, when rows changed, the player registry and the
    /// prop-line name resolutions (as after `import`).
    public func write(_ fetched: FetchedDate, on db: any SQLDatabase) async throws -> IngestReport {
        let processor = PayloadProcessor(store: store, archive: archive, redactor: Redactor(secrets: settings.secrets))
        var report = fetched.report
        report.payloads = []
        for prepared in fetched.payloads {
            report.payloads.append(try await processor.write(prepared, runID: fetched.runID, on: db))
        }
        if report.rowsChanged > 0 {
            try await RegistryBuilder(store: store).rebuild(runID: fetched.runID, on: db)
            _ = try await NameResolutionPass(store: store).run(runID: fetched.runID, on: db)
        }
        return report
    }

    struct ScheduledGame: Sendable {
        let id: String
        let type: SeasonType
        let final: Bool
        let home: Team
        let away: Team

        init?(id: String, type: String, homePoints: String?, home: String, away: String) {
            guard let type = SeasonType(rawValue: type), let home = Team(home), let away = Team(away) else {
                return nil
            }
            self.id = id
            self.type = type
            self.final = !(homePoints ?? "").isEmpty
            self.home = home
            self.away = away
        }

        init(_ game: HoopcastCore.ScheduledGame, final: Bool) {
            self.id = game.gameID
            self.type = game.seasonType
            self.final = final
            self.home = game.homeTeam
            self.away = game.awayTeam
        }
    }

    /// The date's games: stored in `raw_games`, overridden by the rows of `pending` payloads (this run's schedule,
    /// parsed but not written yet).
    func scheduledGames(_ date: GameDate, pending: [PayloadProcessor.Prepared]) async throws -> [ScheduledGame] {
        var games: [String: ScheduledGame] = [:]
        for (game, final) in try await RawReader(db: store.sql).gamesWithResults(on: date) {
            games[game.gameID] = ScheduledGame(game, final: final)
        }
        for row in pending.compactMap({ $0.rows?.rows[.games] }).joined() where row["game_date"] == date.description {
            guard let id = row["game_id"] else { continue }
            games[id] = ScheduledGame(
                id: id, type: row["season_type"] ?? "", homePoints: row["home_pts"],
                home: row["home_team"] ?? "", away: row["away_team"] ?? "")
        }
        return games.keys.sorted().compactMap { games[$0] }
    }

    /// The Odds API event ids of the date: stored in `raw_source_games` and in this run's `pending` payloads.
    func oddsEventIDs(_ date: GameDate, pending: [PayloadProcessor.Prepared]) async throws -> [String] {
        var ids = Set(
            try await store.sql.select().column("source_game_id").from("raw_source_games")
                .where("source", .equal, OddsAPIParser.source).where("game_date", .equal, date.description)
                .all().map { try $0.decode(column: "source_game_id", as: String.self) })
        for row in pending.compactMap({ $0.rows?.rows[.sourceGames] }).joined()
        where row["source"] == OddsAPIParser.source && row["game_date"] == date.description {
            if let id = row["source_game_id"] { ids.insert(id) }
        }
        return ids.sorted()
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of seconds since 1970.
    public static func iso(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let day = GameDate(dayNumber: whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400)
        let rest = whole - day.dayNumber * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.description)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}
