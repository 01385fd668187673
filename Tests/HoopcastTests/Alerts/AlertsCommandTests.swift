import Foundation
import HoopcastCore
import HoopcastLive
import HoopcastStore
import Testing

@testable import HoopcastAlerts

/// `hoopcast alerts` and `status` as a user runs them: routes from the environment, a test message, one evaluation,
/// the ledger listed, and the firing alert in `status --json`.
@Suite struct AlertsCommandTests {
    /// Runs the binary on a thread of its own, so the webhook in this process keeps answering meanwhile.
    static func hoopcast(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandLineRun {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try CommandLineRun.run(arguments, environment: environment) })
            }.start()
        }
    }

    /// `texts` without repeats, in the order each first came.
    static func distinct(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }
    }

    @Test func testSendsToEveryRouteAndRunListAndStatusShowWhatFires() async throws {
        let path = Scratch.root.appendingPathComponent("alerts-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: path) }
        let store = try await Store.open(.sqlite(path: path.path))
        try await SourceHealthBoard(db: store.sql).record(
            source: "odds_api", succeeded: false, error: "odds_api.events [fetch]: HTTP 503",
            at: SystemClock().now - .seconds(3600))
        try await store.close()
        let storeArgument = ["--store", "sqlite:\(path.path)"]

        let none = try await Self.hoopcast(["alerts", "test"] + storeArgument)
        #expect(none.status != 0 && none.stderr.contains("HOOPCAST_ALERT_WEBHOOK_URL"), "\(none.stderr)")

        let stub = WebhookStub()
        try await stub.serve { url in
            let environment = ["HOOPCAST_ALERT_WEBHOOK_URL": url]
            let test = try await Self.hoopcast(["alerts", "test"] + storeArgument, environment: environment)
            #expect(test.status == 0 && test.stdout == "webhook: sent\n", "\(test.stdout)\(test.stderr)")
            // Delivery is at least once: on a loaded machine a post the stub answered after the route's 10 s timeout
            // is sent again, with the same text. So the distinct texts, in the order they first came, are counted.
            #expect(Self.distinct(stub.texts).count == 1 && stub.texts[0].hasPrefix("*[hoopcast] test message*"))

            let run = try await Self.hoopcast(["alerts", "run", "--json"] + storeArgument, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
            // After 09:00 ET the day's first evaluation also sends the digest.
            let digest = try #require(report["digest"] as? Bool)
            #expect(report["firing"] as? Int == 1 && report["sent"] as? Int == (digest ? 2 : 1))
            let texts = Self.distinct(stub.texts)
            #expect(texts.count == (digest ? 3 : 2))
            // Failing since an hour before the test began (a loaded machine may be a minute or more later by now).
            #expect(texts.dropFirst().first?.contains("source odds_api down for ") == true)
            #expect(!digest || texts.last?.contains("daily digest") == true)
            for output in [test, run] {
                #expect(!(output.stdout + output.stderr).contains(WebhookStub.secret))
            }
        }

        let list = try await Self.hoopcast(["alerts", "list"] + storeArgument)
        #expect(list.stdout.hasPrefix("FIRING   critical source odds_api down for "), "\(list.stdout)")
        let status = try await Self.hoopcast(["status", "--json"] + storeArgument)
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], "\(status.stdout)")
        let alerts = try #require(parsed["alerts"] as? [[String: Any]])
        #expect(alerts.map { $0["key"] as? String } == ["source.down:odds_api"])
        let sources = try #require(parsed["failing_sources"] as? [[String: Any]])
        #expect(sources.first?["source"] as? String == "odds_api" && sources.first?["failures"] as? Int == 1)
    }
}
