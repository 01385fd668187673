import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastLive
import HoopcastModels
import HoopcastStore
import HoopcastStub
import SQLKit
import Testing

@testable import HoopcastCLI

/// The long-running mode end to end: ingest jobs queued like `hoopcast schedule` queues them, run by an in-process
/// `Worker` with the pipeline `hoopcast worker` runs (the daily pipeline plus the ingest steps), against the loopback
/// stub replaying the real captures.
@Suite struct IngestJobTests {
    static let date = GameDate("2024-01-24")!

    /// The worker's pipeline with ingest steps fetching `sources` from `harness`'s stub (Odds API key set).
    static func pipeline(_ harness: LiveIngestTests.Harness, sources: Set<String>) throws -> Pipeline {
        let ingestor = harness.ingestor(oddsKey: "odds-key-5c1d")
        return try DailyPipeline.withIngest(
            registry: try ModelRegistry(directory: TestPaths.repo("models")),
            ingest: IngestStepSettings(
                client: ingestor.client, archive: harness.archive, settings: ingestor.settings,
                sources: sources))
    }

    /// The Odds API routes of `LiveIngestTests.oddsIngestWritesLinesAndPropsAndTheKeyGoesNowhere` (the real 24 January
    /// 2024 captures; Curry's points prop).
    static func oddsRoutes() throws -> StubRoutes {
        let routes = StubRoutes()
        routes.on("/v4/sports/basketball_nba/events/", StubRoutes.json(try LiveIngestTests.propsPayload()))
        routes.on(
            "/v4/sports/basketball_nba/events",
            StubRoutes.json(try LiveFixtures.bytes("oddsa_events_his/raw_4c3bc8f6.json")))
        routes.on(
            "/v4/sports/basketball_nba/odds",
            StubRoutes.json(try LiveFixtures.bytes("oddsa_game_lines_his/raw_b722994c.json")))
        return routes
    }

    /// The fixture's history (2023-12-20 → 2024-01-20) with its registry, and Hawks at Warriors on 24 January 2024
    /// in the schedule, as the import would write it.
    static func preparedStore() async throws -> Store {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        try await RegistryAndNames.prepare(store)
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed",
            rows: [
                [
                    "game_id": "0022300620", "season": "2023-24", "season_type": "regular_season",
                    "game_date": "2024-01-24",
                    "home_team": "GSW", "away_team": "ATL", "home_pts": "", "away_pts": "",
                ]
            ], store: store, runID: "seed")
        return store
    }

    static func jobs(_ store: Store, date: GameDate) async throws -> [String: (status: String, correlation: String)] {
        var jobs: [String: (String, String)] = [:]
        for row in try await store.sql.raw(
            """
            SELECT job_key, status, correlation_id FROM ops_jobs WHERE partition_date = \(bind: date.description)
            """
        ).all() {
            jobs[try row.decode(column: "job_key", as: String.self)] = (
                try row.decode(column: "status", as: String.self),
                try row.decode(column: "correlation_id", as: String.self)
            )
        }
        return jobs
    }

    static func count(_ store: Store, _ sql: SQLQueryString) async throws -> Int {
        try await store.sql.raw(sql).first()!.decode(column: "n", as: Int.self)
    }

    @Test func aPretipJobIngestsTheLinesThenTheDatesPipelineRunsAgainEachSlot() async throws {
        let store = try await IngestJobTests.preparedStore()
        let harness = try await LiveIngestTests.Harness.start(try IngestJobTests.oddsRoutes(), store: store)
        let pipeline = try IngestJobTests.pipeline(harness, sources: ["odds_api"])
        let queue = JobQueue(store: store)
        let daily = try DailyPipeline.make(registry: try ModelRegistry(directory: TestPaths.repo("models")))
        let worker = Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(10))
        let noon = ScheduleSlot(
            phase: .pretip, date: IngestJobTests.date, at: Date(timeIntervalSince1970: 1_706_115_600))
        try await queue.enqueue([noon.job()], correlationID: "schedule-test-1")
        try await worker.run(drain: true)

        let key = noon.job().key
        #expect(key == #"ingest.pretip/2024-01-24/{"slot":"2024-01-24T17:00:00Z"}"#)
        #expect(try await queue.status(of: key) == .done)
        // The lines arrived …
        #expect(
            try await TestStore.snapshot(
                store, "raw_game_lines", excluding: ["run_id", "content_hash"],
                where: "game_date = '2024-01-24'") == [
                    "'0022300620'|'odds_api.draftkings'|'2024-01-24'|'GSW'|'ATL'|248.5|-6.5|NULL|NULL",
                    "'0022300620'|'odds_api.fanduel'|'2024-01-24'|'GSW'|'ATL'|247.5|-7.5|NULL|NULL",
                ])
        #expect(
            try await IngestJobTests.count(
                store, "SELECT COUNT(*) AS n FROM raw_prop_lines WHERE game_date = '2024-01-24'") == 1)
        #expect(try await IngestJobTests.count(store, "SELECT COUNT(*) AS n FROM raw_fetch_manifest") == 5)
        // … Curry's name resolved in the same commit …
        #expect(
            try await IngestJobTests.count(
                store,
                """
                SELECT COUNT(*) AS n FROM registry_name_resolutions
                WHERE player_name = 'Stephen Curry' AND game_date = '2024-01-24' AND status = 'resolved' AND player_id = 201939
                """) == 1)
        // … and the date's whole daily pipeline ran after it (queued in its commit, started after it), under the
        // ingest job's correlation id.
        var jobs = try await IngestJobTests.jobs(store, date: IngestJobTests.date)
        let dailyKeys = JobPlan.specs(pipeline: daily, dates: [IngestJobTests.date]).map(\.key)
        #expect(dailyKeys.count == 8)  // raw checks, summaries, context, features, feature checks, predictions,
        // prediction checks, grades
        for dailyKey in dailyKeys {
            #expect(jobs[dailyKey]?.status == "done", "\(dailyKey)")
            #expect(jobs[dailyKey]?.correlation == "schedule-test-1")
        }
        let started = try await store.sql.raw(
            """
            SELECT MIN(e.id) AS first_pipeline, (SELECT MAX(id) FROM ops_pipeline_events WHERE job_key = \(bind: key)
                AND event = 'succeeded') AS ingest_done
            FROM ops_pipeline_events e
            WHERE e.partition_date = '2024-01-24' AND e.job_key <> \(bind: key) AND e.event = 'started'
            """
        ).first()!
        #expect(
            try started.decode(column: "first_pipeline", as: Int.self)
                > started.decode(column: "ingest_done", as: Int.self))
        // The date's players are predicted by every system. Curry's one quote is the historical capture's snapshot
        // (03:55:40Z), taken after the 03:00Z tip-off: point in time, it is not a line, so his points are NO_LINE.
        #expect(
            try await IngestJobTests.count(
                store,
                """
                SELECT COUNT(DISTINCT system) AS n FROM predictions_player_props WHERE game_date = '2024-01-24'
                """) == 6)
        #expect(
            try await IngestJobTests.count(
                store,
                """
                SELECT COUNT(*) AS n FROM predictions_player_props
                WHERE game_date = '2024-01-24' AND player_id = 201939 AND recommendation = 'NO_LINE' AND line IS NULL
                """) == 30)  // 6 systems × 5 markets

        // The next hour's slot is a job of its own: it runs, and the pipeline runs again.
        let one = ScheduleSlot(phase: .pretip, date: IngestJobTests.date, at: noon.at.addingTimeInterval(3600))
        try await queue.enqueue([one.job()], correlationID: "schedule-test-2")
        try await worker.run(drain: true)
        jobs = try await IngestJobTests.jobs(store, date: IngestJobTests.date)
        #expect(jobs[one.job().key]?.status == "done" && jobs[key]?.status == "done")
        #expect(jobs.count == 10)  // two ingest slots and the eight daily steps
        for dailyKey in dailyKeys {
            #expect(jobs[dailyKey]?.status == "done" && jobs[dailyKey]?.correlation == "schedule-test-2")
        }
        #expect(
            try await IngestJobTests.count(
                store,
                """
                SELECT COUNT(*) AS n FROM ops_pipeline_events WHERE job_key = 'predict.systems/2024-01-24' AND event = 'succeeded'
                """) == 2)
        try await harness.stop()
    }

    @Test func aSourceThatStaysDownFailsTheJobAfterItsRetriesAndThePipelineDoesNotRun() async throws {
        let routes = StubRoutes()
        routes.on("/v4/", StubRoutes.status(503))
        let store = try await IngestJobTests.preparedStore()
        let harness = try await LiveIngestTests.Harness.start(
            routes, store: store, policy: StubClient.fast(attempts: 1))
        let queue = JobQueue(
            store: store, retry: RetryPolicy(baseDelay: .milliseconds(10), maxDelay: .milliseconds(20)))
        let worker = Worker(
            queue: queue, pipeline: try IngestJobTests.pipeline(harness, sources: ["odds_api"]),
            pollInterval: .milliseconds(10))
        let slot = ScheduleSlot(
            phase: .pretip, date: IngestJobTests.date, at: Date(timeIntervalSince1970: 1_706_115_600))
        try await queue.enqueue([slot.job(maxAttempts: 2)], correlationID: "schedule-down")
        try await worker.run(drain: true)

        #expect(try await queue.status(of: slot.job().key) == .failed)
        let (error, kind) = try await queue.error(of: slot.job().key)
        #expect(kind == "transient")  // retried once by the queue, then out of attempts
        #expect(error?.contains("ingest.pretip 2024-01-24: 2 of 2 payloads failed: odds_api.events") == true)
        #expect(error?.contains("[fetch]") == true && error?.contains("attempt 2 of 2") == true)
        #expect(error?.contains("odds-key-5c1d") == false && error?.contains("apiKey=REDACTED") == true)
        #expect(
            try await queue.events(of: slot.job().key).map(\.event) == [
                "queued", "started", "retried", "started", "failed",
            ])
        // Nothing of the failed attempts was written, and no job of the date's pipeline was queued.
        #expect(try await IngestJobTests.jobs(store, date: IngestJobTests.date).keys.sorted() == [slot.job().key])
        for table in ["raw_source_games", "raw_game_lines", "raw_prop_lines"] {
            #expect(
                try await IngestJobTests.count(
                    store,
                    """
                    SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE game_date = '2024-01-24'
                    """) == 0, "\(table)")
        }
        #expect(try await IngestJobTests.count(store, "SELECT COUNT(*) AS n FROM raw_fetch_manifest") == 0)
        try await harness.stop()
    }

    /// A worker (or an in-process `run`/`backfill`) whose pipeline has no ingest steps neither claims nor fails an
    /// ingest job, and its drain does not wait for one.
    @Test func aWorkerWithoutTheIngestStepsLeavesIngestJobsToOneThatHasThem() async throws {
        let store = try await TestStore.fresh()
        let queue = JobQueue(store: store)
        let slot = ScheduleSlot(
            phase: .overnight, date: IngestJobTests.date, at: Date(timeIntervalSince1970: 1_706_169_600))
        try await queue.enqueue([slot.job()], correlationID: "schedule-mixed")
        let daily = try DailyPipeline.make(registry: try ModelRegistry(directory: TestPaths.repo("models")))
        try await Worker(queue: queue, pipeline: daily, pollInterval: .milliseconds(10)).run(drain: true)
        #expect(try await queue.status(of: slot.job().key) == .queued)
        #expect(try await queue.events(of: slot.job().key).map(\.event) == ["queued"])
        #expect(try await queue.counts(steps: daily.ordered.map(\.name))[.queued] == 0)
        #expect(try await queue.counts()[.queued] == 1)
    }

    /// 24 December 2024 has no game in the real 2024-25 schedule: the morning ingest succeeds (a valid empty day)
    /// and queues no pipeline, which would fail for want of games.
    @Test func aDayWithoutGamesIsIngestedWithoutQueueingItsPipeline() async throws {
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        let harness = try await LiveIngestTests.Harness.start(routes)
        let queue = JobQueue(store: harness.store)
        let worker = Worker(
            queue: queue, pipeline: try IngestJobTests.pipeline(harness, sources: ["nba_cdn"]),
            pollInterval: .milliseconds(10))
        let day = GameDate("2024-12-24")!
        let slot = ScheduleSlot(phase: .morning, date: day, at: Date(timeIntervalSince1970: 1_735_048_800))
        try await queue.enqueue([slot.job()], correlationID: "schedule-off-day")
        try await worker.run(drain: true)
        #expect(try await queue.status(of: slot.job().key) == .done)
        #expect(try await IngestJobTests.jobs(harness.store, date: day).count == 1)
        #expect(try await IngestJobTests.count(harness.store, "SELECT COUNT(*) AS n FROM raw_fetch_manifest") == 1)
        #expect(try await IngestJobTests.count(harness.store, "SELECT COUNT(*) AS n FROM raw_games") == 0)
        try await harness.stop()
    }

    @Test func aDateWithoutAKnownScheduleFailsAtOnceInsteadOfSucceedingEmpty() async throws {
        let routes = try IngestJobTests.oddsRoutes()
        let harness = try await LiveIngestTests.Harness.start(routes)  // an empty store: no raw_games for the date
        let queue = JobQueue(store: harness.store)
        let worker = Worker(
            queue: queue, pipeline: try IngestJobTests.pipeline(harness, sources: ["odds_api"]),
            pollInterval: .milliseconds(10))
        let slot = ScheduleSlot(
            phase: .morning, date: IngestJobTests.date, at: Date(timeIntervalSince1970: 1_706_104_800))
        try await queue.enqueue([slot.job()], correlationID: "schedule-none")
        try await worker.run(drain: true)
        #expect(try await queue.status(of: slot.job().key) == .failed)
        let (error, kind) = try await queue.error(of: slot.job().key)
        #expect(kind == "permanent")
        #expect(error?.contains("schedule [no_schedule]: no games for 2024-01-24 in raw_games") == true)
        #expect(try await queue.events(of: slot.job().key).map(\.event) == ["queued", "started", "failed"])
        #expect(harness.server.requests.isEmpty)
        #expect(try await IngestJobTests.jobs(harness.store, date: IngestJobTests.date).count == 1)
        try await harness.stop()
    }
}
