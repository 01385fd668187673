import HoopcastCore
import HoopcastStore
import Logging

extension LiveIngestor {
    /// Fetches, archives and parses `date`'s payloads for `phase` without writing to the store; `sources` (source
    /// names or `source.endpoint` keys) nil means every source whose key is configured. Later stages are planned from
    /// the stored rows plus what earlier stages of this run parsed: the date's games after the schedule, the Odds API
    /// events after the date stage.
    public func fetch(
        date: GameDate, phase: IngestPhase = .all, sources: Set<String>? = nil,
        oddsSnapshot: String? = nil, runID: String
    ) async throws -> FetchedDate {
        if let sources {
            let known = Set(EndpointCatalog.sources + EndpointCatalog.all.map(\.key))
            let unknown = sources.subtracting(known)
            guard unknown.isEmpty else {
                throw SettingsError(
                    "unknown sources \(unknown.sorted().joined(separator: ", ")) (known: \(EndpointCatalog.sources.joined(separator: ", ")), or an endpoint such as nba_stats.boxscore_traditional)"
                )
            }
        }
        var fetched = FetchedDate(date: date, phase: phase, runID: runID, scheduledGames: 0, payloads: [], skipped: [])
        for (source, key, variable) in [
            ("odds_api", settings.oddsAPIKey, "ODDS_API_KEY"),
            ("bdl", settings.ballDontLieKey, "BALLDONTLIE_API_KEY"),
        ] where key == nil {
            let message = "\(source): no API key (set \(variable) or \(variable)_FILE)"
            if sources?.contains(where: { $0 == source || $0.hasPrefix(source + ".") }) == true {
                fetched.payloads.append(
                    .init(
                        outcome: PayloadOutcome(
                            endpoint: "\(source).*", parameters: "", httpStatus: 0, sha256: "", parsed: [:], writes: [],
                            issues: [], errorKind: "config", error: message)))
            } else if sources == nil {
                fetched.skipped.append(message)
            }
        }
        let planner = RequestPlanner(
            date: date, phase: phase, sources: sources, settings: settings,
            oddsSnapshot: oddsSnapshot)
        let processor = PayloadProcessor(store: store, archive: archive, redactor: Redactor(secrets: settings.secrets))
        let scheduleStage = planner.scheduleStage()
        for planned in scheduleStage {
            fetched.payloads.append(try await fetchAndPrepare(planned, date: date, processor: processor).prepared)
        }
        let games = try await scheduledGames(date, pending: fetched.payloads)
        fetched.scheduledGames = games.count
        if games.isEmpty, scheduleStage.isEmpty {
            // Without this run's schedule, an empty raw_games for D means "unknown", not "no games".
            fetched.payloads.append(
                .init(
                    outcome: PayloadOutcome(
                        endpoint: "schedule", parameters: "", httpStatus: 0, sha256: "", parsed: [:], writes: [],
                        issues: [],
                        errorKind: "no_schedule",
                        error:
                            "no games for \(date) in raw_games and the schedule (nba_cdn) was not fetched in this run"))
            )
        }
        for planned in planner.dateStage(seasonTypes: Set(games.map(\.type))) {
            if games.isEmpty,
                !["bdl.injuries", "bdl.standings", "bdl.players", "nba_stats.player_index"].contains(planned.endpoint)
            {
                fetched.skipped.append("\(planned.endpoint): no scheduled games on \(date)")
                continue
            }
            fetched.payloads += try await fetchPages(planned, date: date, processor: processor)
        }
        let eventIDs = try await oddsEventIDs(date, pending: fetched.payloads)
        let finals = games.filter(\.final).map(\.id)
        let teams = Set(games.flatMap { [$0.home, $0.away] })
        for planned in planner.idStage(oddsEventIDs: eventIDs, finalGameIDs: finals, teams: Array(teams)) {
            fetched.payloads.append(try await fetchAndPrepare(planned, date: date, processor: processor).prepared)
        }
        return fetched
    }

    /// The most pages followed for one cursor-paginated request.
    static let maxPages = 50

    /// Fetches `planned` and, for a paginated endpoint, the following pages until the cursor runs out (each page
    /// is its own payload, archived and recorded).
    func fetchPages(_ planned: PlannedRequest, date: GameDate, processor: PayloadProcessor) async throws
        -> [PayloadProcessor.Prepared]
    {
        var pages: [PayloadProcessor.Prepared] = []
        var current = planned
        for _ in 0..<LiveIngestor.maxPages {
            let (prepared, body) = try await fetchAndPrepare(current, date: date, processor: processor)
            pages.append(prepared)
            guard !prepared.outcome.failed, let endpoint = EndpointCatalog.endpoint(planned.endpoint),
                let parameter = endpoint.cursor?.parameter, let next = endpoint.nextCursor(in: body)
            else { return pages }
            current = planned
            current.request.query.append(.init(parameter, next))
        }
        var last = pages.removeLast()
        last.outcome.errorKind = "pagination"
        last.outcome.error = "\(planned.endpoint): more than \(LiveIngestor.maxPages) pages; the rest was not fetched"
        return pages + [last]
    }

    /// Fetches one request and prepares whatever arrived (an exhausted 5xx or an HTML page is archived and recorded
    /// as failed too).
    func fetchAndPrepare(_ planned: PlannedRequest, date: GameDate, processor: PayloadProcessor) async throws
        -> (prepared: PayloadProcessor.Prepared, body: [UInt8])
    {
        guard let endpoint = EndpointCatalog.endpoint(planned.endpoint) else {
            throw SettingsError("no endpoint \(planned.endpoint)")
        }
        // The key's own value is already REDACTED; a cursor a source handed back may still carry it, encoded.
        let parameters = processor.redactor.scrub(planned.request.redactedTarget)
        do {
            let response = try await client.fetch(planned.request)
            let prepared = try processor.prepare(
                PayloadProcessor.Payload(
                    endpoint: endpoint, parameters: parameters,
                    context: ParseContext(date: date, fetchedAt: LiveIngestor.iso(clock.now.sinceEpoch.seconds)),
                    status: response.status,
                    contentType: response.headers["content-type"] ?? "", body: response.body))
            log(prepared.outcome)
            return (prepared, response.body)
        } catch let error as FetchError {
            var prepared: PayloadProcessor.Prepared
            if let last = error.lastResponse {
                prepared = try processor.prepare(
                    PayloadProcessor.Payload(
                        endpoint: endpoint, parameters: parameters,
                        context: ParseContext(date: date, fetchedAt: LiveIngestor.iso(clock.now.sinceEpoch.seconds)),
                        status: last.status,
                        contentType: last.headers["content-type"] ?? "", body: last.body))
                prepared.rows = nil  // whatever the last answer held, the request failed: nothing of it is written
                if var entry = prepared.manifest {
                    entry.parseStatus = "failed"
                    entry.errorKind = entry.errorKind ?? "fetch"
                    entry.errorDetail = entry.errorDetail ?? processor.redactor.scrub(error.description)
                    prepared.manifest = entry
                }
            } else {
                prepared = .init(
                    outcome: PayloadOutcome(
                        endpoint: planned.endpoint, parameters: parameters, httpStatus: 0,
                        sha256: "", parsed: [:], writes: [], issues: [],
                        errorKind: nil, error: nil))
            }
            prepared.outcome.errorKind = "fetch"
            prepared.outcome.error = processor.redactor.scrub(error.description)
            log(prepared.outcome)
            return (prepared, [])
        }
    }

    private func log(_ outcome: PayloadOutcome) {
        var metadata: Logger.Metadata = [
            "endpoint": "\(outcome.endpoint)", "status": "\(outcome.httpStatus)",
            "rows": "\(outcome.parsed.values.reduce(0, +))",
        ]
        if let error = outcome.error {
            metadata["error"] = "\(error)"
            logger.error("payload failed", metadata: metadata)
        } else {
            logger.info("payload fetched", metadata: metadata)
        }
    }
}
