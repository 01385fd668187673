import Foundation
import HoopcastCore
import HoopcastLive
import HoopcastStore
import Logging
import Testing

@testable import HoopcastAlerts

/// The alerts end to end: the real fixture store (2024-01-15 has games and, here, no predictions), the rules, the
/// ledger and a webhook on loopback — sent once, de-duplicated, resolved, retried, rate-limited, digested, and the
/// webhook's secret in no log line and nowhere in the store.
@Suite struct AlertDispatchTests {
    /// 2024-01-15 18:30 ET: the fixture's games are scheduled and predictions were due at 18:00.
    static let evening = WallInstant(iso8601: "2024-01-15T23:30:00Z")!
    static let lateDigest = AlertPolicy(digestAt: WallTime(hour: 23, minute: 59)!)

    static func store() async throws -> Store {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        return store
    }

    static func dispatcher(
        _ store: Store, url: String, policy: AlertPolicy = lateDigest, clock: ManualClock, logger: Logger? = nil,
        timeout: Duration = .seconds(60)  // a loaded CI machine answers late: a retry would count twice
    ) -> AlertDispatcher {
        AlertDispatcher(
            store: store, routes: [WebhookRoute(url: url, minimum: .warning, timeout: timeout)], policy: policy,
            secrets: AlertSettings(webhook: (url, .warning)).secrets,
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(10)), clock: clock,
            jitter: FixedJitter(0.5), logger: logger ?? Logger(label: "test"))
    }

    @Test func aConditionIsSentOnceRepeatedAfterItsWindowAndResolvedWhenItClears() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: Self.evening, sleeping: .advancesTheClock)
        let health = SourceHealthBoard(db: store.sql)
        try await health.record(
            source: "odds_api", succeeded: false, error: "odds_api.events [fetch]: HTTP 503",
            at: Self.evening - .seconds(40 * 60))
        let stub = WebhookStub()
        var policy = Self.lateDigest
        policy.dedupeWindow = .seconds(2 * 3600)
        try await stub.serve { [policy] url in
            let dispatcher = Self.dispatcher(store, url: url, policy: policy, clock: clock)
            let first = try await dispatcher.run()
            #expect(first.firing == 2 && first.notified == 2 && first.sent == 2 && first.failed == 0)
            #expect(stub.texts.count == 2)
            #expect(stub.texts.contains { $0.contains("no predictions for 2024-01-15 at 18:30 ET") })
            #expect(stub.texts.contains { $0.contains("source odds_api down for 40 min") && $0.contains("HTTP 503") })

            clock.advance(by: .seconds(60))
            let second = try await dispatcher.run()
            #expect(second.firing == 2 && second.deduplicated == 2 && second.sent == 0)
            #expect(stub.texts.count == 2)

            try await health.record(source: "odds_api", succeeded: true, error: nil, at: clock.now)
            clock.advance(by: .seconds(60))
            let third = try await dispatcher.run()
            #expect(third.firing == 1 && third.resolved == 1 && third.sent == 1)
            #expect(stub.texts.last?.hasPrefix("*[hoopcast resolved] source odds_api down") == true)

            // Past the two-hour window the missing predictions are sent again (20:30 ET, still 2024-01-15).
            clock.advance(by: .seconds(2 * 3600 - 120))
            let fourth = try await dispatcher.run()
            #expect(fourth.notified == 1 && fourth.sent == 1)
            #expect(stub.texts.count == 4)
        }
        let entries = try await AlertLedger(db: store.sql).recent(limit: 10)
        #expect(entries.filter(\.firing).map(\.alert.key) == ["predictions.missing:2024-01-15"])
        #expect(entries.first { $0.alert.key == "predictions.missing:2024-01-15" }?.notifications == 2)
        #expect(entries.first { $0.alert.key == "source.down:odds_api" }?.firing == false)
    }

    @Test func anUnreachableRouteIsRetriedRecordedReportedAndTriedAgainNextTime() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: Self.evening, sleeping: .advancesTheClock)
        let stub = WebhookStub()
        stub.failing = true
        let capture = LogCapture()
        try await stub.serve { url in
            let dispatcher = Self.dispatcher(store, url: url, clock: clock, logger: capture.logger())
            let report = try await dispatcher.run()
            #expect(report.notified == 1 && report.sent == 0 && report.failed == 1)
            // Three attempts; jitter 0.5: 1 + (3 − 1) × 0.5 = 2 s, then 1 + (6 − 1) × 0.5 = 3.5 s.
            #expect(clock.sleeps == [.seconds(2), .milliseconds(3500)])
            #expect(stub.texts.count == 3)
            let deliveries = try await AlertLedger(db: store.sql).deliveries(since: .epoch)
            #expect(deliveries.map(\.outcome) == [.failed])
            #expect(deliveries.first?.attempts == 3)
            #expect(deliveries.first?.error?.hasPrefix("webhook: HTTP 500") == true)
            #expect(capture.all.contains { $0.contains("alert delivery failed") && $0.contains("attempts=3") })

            // Nothing took it, so the next evaluation tries again (not de-duplicated) and succeeds.
            stub.failing = false
            clock.advance(by: .seconds(60))
            let retried = try await dispatcher.run()
            #expect(retried.notified == 1 && retried.sent == 1 && retried.deduplicated == 0)
        }
    }

    @Test func theWebhooksSecretIsInNoLogLineAndNowhereInTheStore() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: Self.evening, sleeping: .advancesTheClock)
        let capture = LogCapture()
        let stub = WebhookStub()
        stub.failing = true  // the 500 page echoes the path it was posted to
        try await stub.serve { url in
            _ = try await Self.dispatcher(store, url: url, clock: clock, logger: capture.logger()).run()
            // An address where nothing listens: the connection error goes through the same scrubbing.
            let closed = "http://127.0.0.1:9/services/\(WebhookStub.secret)"  // the discard port: nothing listens
            let unreachable = Self.dispatcher(
                store, url: closed, clock: clock, logger: capture.logger(), timeout: .milliseconds(500))
            #expect(try await unreachable.test().map(\.outcome) == [.failed])
        }
        #expect(!capture.all.isEmpty)
        for line in capture.all { #expect(!line.contains("SECRET") && !line.contains("xoxo"), "\(line)") }
        for table in ["ops_alerts", "ops_alert_deliveries"] {
            let rows = try await store.sql.raw("SELECT * FROM \(unsafeRaw: table)").all()
            for row in rows {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                    #expect(text?.contains("SECRET") != true, "\(table).\(column)")
                }
            }
        }
        let errors = try await AlertLedger(db: store.sql).deliveries(since: .epoch).compactMap(\.error)
        #expect(errors.contains { $0.contains("REDACTED") })
    }

    @Test func theHourlyLimitHoldsMessagesBackAndRecordsThem() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: Self.evening, sleeping: .advancesTheClock)
        try await SourceHealthBoard(db: store.sql).record(
            source: "nba_cdn", succeeded: false, error: "nba_cdn.scoreboard [html]: an error page",
            at: Self.evening - .seconds(3600))
        let stub = WebhookStub()
        try await stub.serve { url in
            var policy = Self.lateDigest
            policy.messagesPerHour = 1
            let report = try await Self.dispatcher(store, url: url, policy: policy, clock: clock).run()
            #expect(report.firing == 2 && report.sent == 1 && report.rateLimited == 1)
            #expect(stub.texts.count == 1)
        }
        let outcomes = try await AlertLedger(db: store.sql).deliveries(since: .epoch).map(\.outcome)
        #expect(outcomes.sorted { $0.rawValue < $1.rawValue } == [.rateLimited, .sent])
    }

    @Test func theDigestGoesOutOnceADayAndSaysWhatIsFiring() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: Self.evening, sleeping: .advancesTheClock)
        let stub = WebhookStub()
        try await stub.serve { url in
            let policy = AlertPolicy(digestAt: WallTime(hour: 18, minute: 0)!)
            let dispatcher = Self.dispatcher(store, url: url, policy: policy, clock: clock)
            let first = try await dispatcher.run()
            #expect(first.digest && first.sent == 2)
            let digest = try #require(stub.texts.last)
            #expect(digest.hasPrefix("*[hoopcast] daily digest 2024-01-15: 1 firing, 0 resolved*"))
            #expect(digest.contains("[critical] no predictions for 2024-01-15"))
            #expect(digest.contains("Messages in the last day: 1 sent, 0 failed, 0 held back"))
            clock.advance(by: .seconds(60))
            #expect(try await dispatcher.run().digest == false)
            #expect(stub.texts.count == 2)
        }
    }

    @Test func sourceHealthKeepsTheFirstFailureUntilASuccess() async throws {
        let store = try await TestStore.fresh()
        let board = SourceHealthBoard(db: store.sql)
        let t0 = Self.evening
        try await board.record(source: "bdl", succeeded: false, error: "first", at: t0)
        try await board.record(source: "bdl", succeeded: false, error: "second", at: t0 + .seconds(300))
        var health = try #require(try await board.all().first)
        #expect(health.failingSince == t0 && health.failures == 2 && health.lastError == "second")
        #expect(health.lastAttempt == t0 + .seconds(300) && health.lastSuccess == nil)
        #expect(health.downFor(at: t0 + .seconds(600)) == .seconds(600))
        try await board.record(source: "bdl", succeeded: true, error: nil, at: t0 + .seconds(900))
        health = try #require(try await board.all().first)
        #expect(health.failingSince == nil && health.failures == 0 && health.lastSuccess == t0 + .seconds(900))
    }
}
