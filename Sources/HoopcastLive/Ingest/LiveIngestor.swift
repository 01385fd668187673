import HoopcastCore
import HoopcastStore
import Logging
import SQLKit

/// `hoopcast ingest`: fetches a date's payloads from the live sources through the one HTTP client, archives every
/// payload, parses it into the raw tables and records the manifest. Reports failure when any payload failed or
/// never arrived, whatever else was written.
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
    public let clock: any LiveClock
    /// Where progress is logged.
    public let logger: Logger

    /// Creates an ingestor.
    public init(client: LiveHTTPClient, store: Store, archive: RawArchive, settings: SourceSettings,
                clock: any LiveClock = SystemClock(), logger: Logger = Logger(label: "hoopcast.ingest")) {
        self.client = client
        self.store = store
        self.archive = archive
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// Ingests `date`; `sources` nil means every source whose key is configured.
    public func run(date: GameDate, phase: IngestPhase = .all, sources: Set<String>? = nil,
                    oddsSnapshot: String? = nil, runID: String) async throws -> IngestReport {
        let runLog = RunLog(store: store)
        try await runLog.start(runID: runID, command: "ingest --date \(date) --phase \(phase.rawValue)")
        do {
            let report = try await ingest(date: date, phase: phase, sources: sources, oddsSnapshot: oddsSnapshot,
                                          runID: runID)
            let failures = report.payloads.filter(\.failed).count
            try await runLog.finish(runID: runID, error: report.failed ? "\(failures) payloads failed" : nil)
            return report
        } catch {
            try await runLog.finish(runID: runID, error: Redactor(secrets: settings.secrets).scrub("\(error)"))
            throw error
        }
    }

    private func ingest(date: GameDate, phase: IngestPhase, sources: Set<String>?, oddsSnapshot: String?,
                        runID: String) async throws -> IngestReport {
        if let sources {
            let unknown = sources.subtracting(EndpointCatalog.sources)
            guard unknown.isEmpty else {
                throw SettingsError("unknown sources \(unknown.sorted().joined(separator: ", ")) (known: \(EndpointCatalog.sources.joined(separator: ", ")))")
            }
        }
        var report = IngestReport(runID: runID, date: date.description, phase: phase.rawValue, scheduledGames: 0,
                                  payloads: [], skipped: [])
        for (source, key, variable) in [("odds_api", settings.oddsAPIKey, "ODDS_API_KEY"),
                                        ("bdl", settings.ballDontLieKey, "BALLDONTLIE_API_KEY")] where key == nil {
            let message = "\(source): no API key (set \(variable) or \(variable)_FILE)"
            if sources?.contains(source) == true {
                report.payloads.append(PayloadOutcome(endpoint: "\(source).*", parameters: "", httpStatus: 0, sha256: "",
                                                      parsed: [:], writes: [], issues: [], errorKind: "config",
                                                      error: message))
            } else if sources == nil {
                report.skipped.append(message)
            }
        }
        let planner = RequestPlanner(date: date, phase: phase, sources: sources, settings: settings,
                                     oddsSnapshot: oddsSnapshot)
        let processor = PayloadProcessor(store: store, archive: archive, redactor: Redactor(secrets: settings.secrets))
        let scheduleStage = planner.scheduleStage()
        for planned in scheduleStage {
            report.payloads.append(try await execute(planned, date: date, processor: processor, runID: runID))
        }
        let games = try await scheduledGames(date)
        report.scheduledGames = games.count
        if games.isEmpty, scheduleStage.isEmpty {
            // Without this run's schedule, an empty raw_games for D means "unknown", not "no games".
            report.payloads.append(PayloadOutcome(
                endpoint: "schedule", parameters: "", httpStatus: 0, sha256: "", parsed: [:], writes: [], issues: [],
                errorKind: "no_schedule",
                error: "no games for \(date) in raw_games and the schedule (nba_cdn) was not fetched in this run"))
        }
        for planned in planner.dateStage(seasonTypes: Set(games.map(\.type))) {
            if games.isEmpty, !["bdl.injuries", "bdl.standings", "bdl.players", "nba_stats.player_index"].contains(planned.endpoint) {
                report.skipped.append("\(planned.endpoint): no scheduled games on \(date)")
                continue
            }
            report.payloads += try await executePages(planned, date: date, processor: processor, runID: runID)
        }
        let eventIDs = try await store.sql.select().column("source_game_id").from("raw_source_games")
            .where("source", .equal, OddsAPIParser.source).where("game_date", .equal, date.description)
            .orderBy("source_game_id").all().map { try $0.decode(column: "source_game_id", as: String.self) }
        let finals = games.filter(\.final).map(\.id)
        let teams = Set(games.flatMap { [$0.home, $0.away] })
        for planned in planner.idStage(oddsEventIDs: eventIDs, finalGameIDs: finals, teams: Array(teams)) {
            report.payloads.append(try await execute(planned, date: date, processor: processor, runID: runID))
        }
        return report
    }

    /// The most pages followed for one cursor-paginated request.
    static let maxPages = 50

    /// Executes `planned` and, for a paginated endpoint, the following pages until the cursor runs out (each page
    /// is its own payload, archived and recorded).
    func executePages(_ planned: PlannedRequest, date: GameDate, processor: PayloadProcessor, runID: String)
        async throws -> [PayloadOutcome] {
        var outcomes: [PayloadOutcome] = []
        var current = planned
        for _ in 0..<LiveIngestor.maxPages {
            let (outcome, body) = try await fetchAndProcess(current, date: date, processor: processor, runID: runID)
            outcomes.append(outcome)
            guard !outcome.failed, let endpoint = EndpointCatalog.endpoint(planned.endpoint), let parameter = endpoint.cursor?.parameter,
                  let next = endpoint.nextCursor(in: body) else { return outcomes }
            current = planned
            current.request.query.append(.init(parameter, next))
        }
        var last = outcomes.removeLast()
        last.errorKind = "pagination"
        last.error = "\(planned.endpoint): more than \(LiveIngestor.maxPages) pages; the rest was not fetched"
        return outcomes + [last]
    }

    func execute(_ planned: PlannedRequest, date: GameDate, processor: PayloadProcessor, runID: String) async throws
        -> PayloadOutcome {
        try await fetchAndProcess(planned, date: date, processor: processor, runID: runID).outcome
    }

    /// Fetches one request and processes whatever arrived (an exhausted 5xx or an HTML page is archived and
    /// recorded as failed too).
    func fetchAndProcess(_ planned: PlannedRequest, date: GameDate, processor: PayloadProcessor, runID: String)
        async throws -> (outcome: PayloadOutcome, body: [UInt8]) {
        guard let endpoint = EndpointCatalog.endpoint(planned.endpoint) else {
            throw SettingsError("no endpoint \(planned.endpoint)")
        }
        let parameters = planned.request.redactedTarget
        do {
            let response = try await client.fetch(planned.request)
            let payload = PayloadProcessor.Payload(
                endpoint: endpoint, parameters: parameters,
                context: ParseContext(date: date, fetchedAt: LiveIngestor.iso(clock.now())), status: response.status,
                contentType: response.headers["content-type"] ?? "", body: response.body)
            let outcome = try await processor.process(payload, runID: runID, write: true)
            log(outcome)
            return (outcome, response.body)
        } catch let error as FetchError {
            var outcome: PayloadOutcome
            if let last = error.lastResponse {
                let payload = PayloadProcessor.Payload(
                    endpoint: endpoint, parameters: parameters,
                    context: ParseContext(date: date, fetchedAt: LiveIngestor.iso(clock.now())), status: last.status,
                    contentType: last.headers["content-type"] ?? "", body: last.body)
                outcome = try await processor.process(payload, runID: runID, write: true)
            } else {
                outcome = PayloadOutcome(endpoint: planned.endpoint, parameters: parameters, httpStatus: 0, sha256: "",
                                         parsed: [:], writes: [], issues: [], errorKind: nil, error: nil)
            }
            outcome.errorKind = "fetch"
            outcome.error = processor.redactor.scrub(error.description)
            outcome.writes = []
            log(outcome)
            return (outcome, [])
        }
    }

    private func log(_ outcome: PayloadOutcome) {
        var metadata: Logger.Metadata = ["endpoint": "\(outcome.endpoint)", "status": "\(outcome.httpStatus)",
                                         "rows": "\(outcome.parsed.values.reduce(0, +))"]
        if let error = outcome.error {
            metadata["error"] = "\(error)"
            logger.error("payload failed", metadata: metadata)
        } else {
            logger.info("payload ingested", metadata: metadata)
        }
    }

    struct ScheduledGame: Sendable {
        let id: String
        let type: SeasonType
        let final: Bool
        let home: Team
        let away: Team
    }

    func scheduledGames(_ date: GameDate) async throws -> [ScheduledGame] {
        try await store.sql.select().columns("game_id", "season_type", "home_pts", "home_team", "away_team")
            .from("raw_games").where("game_date", .equal, date.description).orderBy("game_id").all().compactMap { row in
                guard let type = SeasonType(rawValue: try row.decode(column: "season_type", as: String.self)),
                      let home = Team(try row.decode(column: "home_team", as: String.self)),
                      let away = Team(try row.decode(column: "away_team", as: String.self)) else { return nil }
                return ScheduledGame(id: try row.decode(column: "game_id", as: String.self), type: type,
                                     final: try row.decode(column: "home_pts", as: Int?.self) != nil, home: home,
                                     away: away)
            }
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
