import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastModels
import HoopcastStore
import HoopcastStub
import Testing

@testable import HoopcastCLI

/// `hoopcast ingest` and `hoopcast replay` through the real argument parser, against the loopback stub.
struct LiveCommandTests {
    private func temporary(_ name: String) -> String {
        Scratch.root.appendingPathComponent("hoopcast-live-\(UUID().uuidString)/\(name)").path
    }

    private func run(_ arguments: [String]) async throws {
        var command = try HoopcastCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    private func routes(playByPlay: StubResponse) throws -> StubRoutes {
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        routes.on("/static/json/liveData/playbyplay/", playByPlay)
        return routes
    }

    @Test func ingestSucceedsOnSoundPayloadsAndFailsWhenOneIsAnHTMLPage() async throws {
        let good = try await routes(
            playByPlay: StubRoutes.json(try LiveFixtures.bytes("nbac_play_by_play/raw_14ecf360.json.gz"))
        )
        .start()
        let store = "sqlite:" + temporary("h.sqlite")
        let arguments = [
            "ingest", "--date", "2025-03-15", "--sources", "nba_cdn", "--json", "--rate", "cdn.nba.com=0",
            "--archive", temporary("archive"), "--store", store,
        ]
        try await run(arguments + ["--base-url", "nba_cdn=\(good.baseURL)"])
        try await good.shutdown()

        let bad = try await routes(playByPlay: StubRoutes.htmlPage).start()
        do {
            try await run(arguments + ["--base-url", "nba_cdn=\(bad.baseURL)"])
            Issue.record("ingest with an HTML page instead of JSON must fail")
        } catch let exit as ExitCode {
            #expect(exit == ExitCode(1))
        }
        #expect(bad.requests.count == 9)  // the schedule and 8 play-by-play pages, none retried
        try await bad.shutdown()
    }

    @Test func thenRunStartsTheDailyPipelineForTheDateAfterASuccessfulIngest() async throws {
        let server = try await routes(
            playByPlay: StubRoutes.json(try LiveFixtures.bytes("nbac_play_by_play/raw_14ecf360.json.gz"))
        )
        .start()
        let path = temporary("h.sqlite")
        do {
            try await run([
                "ingest", "--date", "2025-03-15", "--sources", "nba_cdn", "--json", "--rate", "cdn.nba.com=0",
                "--archive", temporary("archive"), "--store", "sqlite:" + path, "--then-run",
                "--models", TestPaths.repo("models").path, "--base-url", "nba_cdn=\(server.baseURL)",
            ])
        } catch is ExitCode {
            // The pipeline may fail on a store holding only this date (no history); it must still have run.
        }
        try await server.shutdown()
        let commands = try await Store.withOpen(.sqlite(path: path)) { store in
            try await store.sql.raw("SELECT command FROM ops_runs ORDER BY started_at").all()
                .map { try $0.decode(column: "command", as: String.self) }
        }
        #expect(commands.count == 2)
        #expect(commands.first?.hasPrefix("ingest --date 2025-03-15") == true)
        #expect(commands.last == "run --date 2025-03-15")
    }

    @Test func scheduleOptionsBecomeTheScheduleAndBadTimesAreRefused() async throws {
        let schedule = try ScheduleCommand.parse(["--morning", "8:30", "--pretip-every", "30", "--overnight", "04:15"])
            .schedule()
        #expect(
            schedule.config
                == IngestSchedule.Config(
                    morning: WallTime(hour: 8, minute: 30)!,
                    pretipFrom: WallTime(hour: 12, minute: 0)!,
                    pretipEveryMinutes: 30, overnight: WallTime(hour: 4, minute: 15)!))
        #expect(throws: ValidationError.self) { try ScheduleCommand.parse(["--morning", "25:00"]).schedule() }
        #expect(throws: ValidationError.self) { try ScheduleCommand.parse(["--pretip-every", "0"]).schedule() }
        // The worker knows the ingest steps the schedule queues, and they are not part of a date's daily jobs.
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(2)])
        let ingest = IngestStepSettings(
            client: StubClient.make(clock: ManualClock.virtual(), transport: transport),
            archive: RawArchive(root: Scratch.root), settings: SourceSettings(),
            sources: nil)
        let registry = try ModelRegistry(directory: TestPaths.repo("models"))
        let names = try DailyPipeline.withIngest(registry: registry, ingest: ingest).ordered.map(\.name)
        #expect(names.filter { $0.hasPrefix("ingest.") } == ["ingest.morning", "ingest.pretip", "ingest.overnight"])
        #expect(
            !JobPlan.specs(pipeline: try DailyPipeline.make(registry: registry), dates: [GameDate("2025-03-15")!])
                .contains { $0.step.hasPrefix("ingest.") })
        try await transport.shutdown()
    }

    @Test func replayOfOneFileDryRunParsesWithoutAStore() async throws {
        let file = LiveFixtures.root.appendingPathComponent("nbac_player_boxscore/raw_2ad17718.json").path
        try await run(["replay", "--source", "nba_stats.player_game_log", "--file", file, "--dry-run", "--json"])
        let empty = LiveFixtures.root.appendingPathComponent("bdl_box_scores/raw_d62cc934.json").path
        await #expect(throws: ExitCode.self) {
            try await run(["replay", "--source", "bdl.box_scores", "--file", empty, "--dry-run", "--json"])
        }
        await #expect(throws: (any Error).self) {
            try await run(["replay", "--source", "no.such", "--file", empty, "--dry-run"])
        }
    }
}
