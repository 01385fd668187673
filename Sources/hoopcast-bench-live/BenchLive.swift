import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastLive
import HoopcastStore
import HoopcastStub
import Logging

/// `hoopcast-bench-live`: parse throughput on the largest real samples and requests per second through the HTTP
/// client against a loopback stub with rate limiting off. An executable of its own, so that the stub server (test and
/// benchmark support) is not linked into the production `hoopcast` binary.
@main
struct BenchLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoopcast-bench-live",
        abstract: "Measure live-source parse throughput (MB/s) and HTTP client requests/s against a loopback stub."
    )

    @Option(help: "The captured API samples directory (default Tests/HoopcastTests/Fixtures/api-samples).")
    var samples: String = "Tests/HoopcastTests/Fixtures/api-samples"

    @Option(help: "Parse repetitions per sample.")
    var repeats: Int = 20

    @Option(help: "Requests sent through the client.")
    var requests: Int = 2000

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 8

    static let parseCases: [(key: String, file: String, date: String)] = [
        ("nba_cdn.schedule", "nbac_schedule_api/raw_80cb1fd6.json.gz", ""),
        ("nba_cdn.play_by_play", "nbac_play_by_play/raw_14ecf360.json.gz", ""),
        ("bdl.box_scores", "bdl_box_scores/raw_7a649e12.json", ""),
        ("espn.scoreboard", "espn_scoreboard_api/raw_92de7c9a.json", ""),
        ("nba_stats.player_index", "nbac_player_list/raw_7af00b51.json", ""),
        ("nba_stats.player_game_log", "nbac_player_boxscore/raw_2ad17718.json", ""),
    ]

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        print("parse throughput (gate + JSON + adapter, \(repeats) repetitions, one thread)")
        print("endpoint                     sample bytes      rows     MB/s")
        for item in BenchLive.parseCases {
            let url = URL(fileURLWithPath: samples).appendingPathComponent(item.file)
            let body: [UInt8]
            do { body = try FileReader.read(url) } catch { throw ValidationError("\(url.path): \(error.reason)") }
            guard let endpoint = EndpointCatalog.endpoint(item.key) else { continue }
            let context = ParseContext(
                date: GameDate(dayNumber: 0), fetchedAt: "1970-01-01T00:00:00Z", limitToDate: false)
            var rows = 0
            let clock = ContinuousClock()
            let elapsed = try clock.measure {
                for _ in 0..<repeats {
                    rows = try endpoint.process(
                        status: 200, contentType: "application/json", body: body, context: context
                    ).total
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let megabytes = Double(body.count * repeats) / 1_048_576
            print(
                pad(item.key, 28) + pad(String(body.count), 13, right: true) + pad(String(rows), 10, right: true)
                    + pad(String(format: "%.1f", megabytes / seconds), 9, right: true))
        }
        try await benchClient(bodySize: 29_054)
        try await benchClient(bodySize: 512)
        try await benchIngest()
    }

    /// The endpoints the ingest benchmark fetches: every one with a capture of 2025-03-15 (the per-game
    /// `boxscore_traditional` capture is of another date, so it is left out).
    static let ingestSources: Set<String> = [
        "nba_cdn.schedule", "nba_cdn.play_by_play", "nba_stats.scoreboard", "nba_stats.player_index",
        "nba_stats.team_game_log", "nba_stats.player_game_log",
    ]

    /// `ingest --date 2025-03-15` of ``ingestSources`` against the stub serving the captured responses, into a fresh
    /// SQLite file, then again (nothing changes the second time).
    func benchIngest() async throws {
        let root = URL(fileURLWithPath: samples)
        func load(_ file: String) throws -> [UInt8] {
            do { return try FileReader.read(root.appendingPathComponent(file)) } catch {
                throw ValidationError("\(file): \(error.reason)")
            }
        }
        let bodies: [(String, [UInt8])] = [
            ("/static/json/staticData/", try load("nbac_schedule_api/raw_80cb1fd6.json.gz")),
            ("/static/json/liveData/playbyplay/", try load("nbac_play_by_play/raw_14ecf360.json.gz")),
            ("/stats/scoreboardv2", try load("nbac_scoreboard_v2/raw_055ff78d.json")),
            ("/stats/playerindex", try load("nbac_player_list/raw_7af00b51.json")),
            ("T", try load("derived/leaguegamelog_teams_2025-03-15.json")),
            ("/stats/leaguegamelog", try load("nbac_player_boxscore/raw_2ad17718.json")),
        ]
        let server = try await StubServer.start { request in
            let key = request.path == "/stats/leaguegamelog" && request.query.contains("PlayerOrTeam=T") ? "T" : nil
            let body = bodies.first { key == nil ? request.path.hasPrefix($0.0) : $0.0 == key }?.1
            return StubResponse(status: body == nil ? 404 : 200, body: body ?? [])
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hoopcast-bench-live-\(UUID().uuidString)")
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(5)])
        var policies: [String: HostPolicy] = [:]
        for endpoint in EndpointCatalog.all {
            policies[endpoint.host] = HostPolicy(requestsPerMinute: nil, connectTimeout: .seconds(5))
        }
        let settings = SourceSettings(baseURLs: ["nba_cdn": server.baseURL, "nba_stats": server.baseURL])
        var lines: [String] = []
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try await ingestTwice(
                directory: directory, transport: transport, policies: policies, settings: settings,
                lines: &lines)
        } catch {
            try await transport.shutdown()
            try await server.shutdown()
            throw error
        }
        try await transport.shutdown()
        try await server.shutdown()
        for line in lines { print(line) }
    }

    private func ingestTwice(
        directory: URL, transport: AsyncHTTPTransport, policies: [String: HostPolicy],
        settings: SourceSettings, lines: inout [String]
    ) async throws {
        let clock = ContinuousClock()
        var collected: [String] = []
        try await Store.withOpen(.sqlite(path: directory.appendingPathComponent("bench.sqlite").path)) { store in
            let ingestor = LiveIngestor(
                client: LiveHTTPClient(transport: transport, policies: policies), store: store,
                archive: RawArchive(root: directory.appendingPathComponent("archive")),
                settings: settings)
            for pass in ["first", "second"] {
                var report: IngestReport?
                let elapsed = try await clock.measure {
                    report = try await ingestor.run(
                        date: GameDate("2025-03-15")!, sources: BenchLive.ingestSources,
                        runID: "bench-\(pass)")
                }
                guard let report, !report.failed else { throw ValidationError("bench ingest failed") }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                collected.append(
                    "ingest 2025-03-15 (nba_cdn, nba_stats; \(report.payloads.count) payloads), \(pass) run: "
                        + String(format: "%.2f s", seconds) + ", \(report.rowsChanged) rows changed")
            }
        }
        lines = collected
    }

    func benchClient(bodySize: Int) async throws {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: bodySize)
        let server = try await StubServer.start { _ in StubResponse(body: body) }
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(5)])
        let policy = HostPolicy(requestsPerMinute: nil, connectTimeout: .seconds(5), totalTimeout: .seconds(10))
        let client = LiveHTTPClient(transport: transport, policies: ["bench": policy])
        let request = SourceRequest(
            source: "bench", endpoint: "body", policyHost: "bench", baseURL: server.baseURL,
            path: "/bench")
        let (total, width) = (requests, max(1, concurrency))
        let clock = ContinuousClock()
        var failures = 0
        let elapsed = try await clock.measure {
            failures = try await withThrowingTaskGroup(of: Int.self) { group in
                var sent = 0, failed = 0
                for _ in 0..<min(width, total) {
                    group.addTask { (try? await client.fetch(request)) == nil ? 1 : 0 }
                    sent += 1
                }
                while let result = try await group.next() {
                    failed += result
                    if sent < total {
                        group.addTask { (try? await client.fetch(request)) == nil ? 1 : 0 }
                        sent += 1
                    }
                }
                return failed
            }
        }
        try await transport.shutdown()
        try await server.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "client: \(total) GETs of \(bodySize) bytes, \(width) in flight, rate limiting off: "
                + String(format: "%.0f requests/s", Double(total) / seconds) + " (\(failures) failed)")
        if failures > 0 { throw ExitCode(1) }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
