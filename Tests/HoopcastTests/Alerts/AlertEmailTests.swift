import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastStore
import Logging
import Testing

@testable import HoopcastAlerts

/// Email beside the webhook, end to end: severity routing (a warning reaches the webhook only, a critical alert both),
/// the message as aiosmtpd receives it over STARTTLS with authentication, and a refused password reported, recorded
/// and kept out of every log line and stored column.
@Suite(.timeLimit(.minutes(10))) struct AlertEmailTests {
    static let password = "alert-Pässword-42"

    static func email(_ sink: SMTPSink, password: String = AlertEmailTests.password) throws -> EmailRoute {
        try EmailRoute(
            settings: SMTPSettings(
                host: "localhost", port: sink.port, username: "hoopcast", password: password,
                from: "alerts@hoopcast.test", recipients: ["oncall@hoopcast.test"],
                caCertificateFile: sink.certificate.path, commandTimeout: .seconds(5), connectTimeout: .seconds(2)),
            minimum: .critical)
    }

    /// The fixture store with a failed `warn` check on 2024-01-15 (and, at 18:30 ET, its 11 games have no predictions:
    /// critical).
    static func store() async throws -> Store {
        let store = try await AlertDispatchTests.store()
        let definition = try #require(
            CheckCatalogue.all.first { $0.severity == .warn && $0.name != AlertRules.modelHealthCheck })
        let result = CheckResult(
            definition, status: .failed, checked: 22, failures: [FailingRow(key: "0022300555/PHI", values: ["x": "1"])],
            summary: "one row out of range")
        _ = try await StoredCheckResult.write(
            [
                try StoredCheckResult(
                    date: AlertRulesTests.date, runID: "email-test", step: "check.raw", result: result,
                    checkedAt: AlertDispatchTests.evening.description)
            ],
            on: store.sql)
        return store
    }

    @Test func aWarningReachesTheWebhookOnlyAndACriticalAlertBothRoutes() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: AlertDispatchTests.evening, sleeping: .advancesTheClock)
        let sink = SMTPSink.Options(user: "hoopcast", password: Self.password)
        try await SMTPSink.with(sink) { sink in
            let webhook = WebhookStub()
            try await webhook.serve { url in
                let dispatcher = AlertDispatcher(
                    store: store,
                    routes: [WebhookRoute(url: url, minimum: .warning, timeout: .seconds(60)), try Self.email(sink)],
                    policy: AlertDispatchTests.lateDigest, secrets: [url, Self.password], clock: clock)
                let report = try await dispatcher.run()
                #expect(report.firing == 2 && report.sent == 3 && report.failed == 0)
            }
            #expect(webhook.texts.count == 2)
            let mail = try sink.messages()
            try #require(mail.count == 1, "\(sink.log())")
            #expect(mail[0].subject == "[hoopcast critical] no predictions for 2024-01-15 at 18:30 ET")
            #expect(mail[0].rcptTos == ["oncall@hoopcast.test"] && mail[0].tls && mail[0].authenticated)
            #expect(mail[0].body.contains("2024-01-15 has 11 scheduled games and no predictions"))
            #expect(mail[0].body.contains("alert: predictions.missing:2024-01-15"))
        }
    }

    @Test func aRefusedPasswordIsReportedRecordedAndNeverWritten() async throws {
        let store = try await Self.store()
        let clock = ManualClock(now: AlertDispatchTests.evening, sleeping: .advancesTheClock)
        let capture = LogCapture()
        let wrong = "wrong-Pässword-77"
        try await SMTPSink.with(SMTPSink.Options(user: "hoopcast", password: Self.password)) { sink in
            let dispatcher = AlertDispatcher(
                store: store, routes: [try Self.email(sink, password: wrong)], policy: AlertDispatchTests.lateDigest,
                secrets: [wrong], retry: RetryPolicy(maxAttempts: 2, baseDelay: .seconds(1), maxDelay: .seconds(1)),
                clock: clock, logger: capture.logger())
            let report = try await dispatcher.run()
            // Two alerts; only the critical one is for email, and its delivery failed.
            #expect(report.notified == 2 && report.failed == 1 && report.sent == 0)
            #expect(try sink.messages().isEmpty)
        }
        let delivery = try #require(try await AlertLedger(db: store.sql).deliveries(since: .epoch).first)
        #expect(delivery.route == "email" && delivery.outcome == .failed && delivery.attempts == 2)
        #expect(delivery.error?.contains("535") == true, "\(delivery.error ?? "")")
        let base64 = Data("\u{0}hoopcast\u{0}\(wrong)".utf8).base64EncodedString()
        for line in capture.all + [delivery.error ?? ""] {
            #expect(!line.contains(wrong) && !line.contains(base64) && !line.contains("Pässword"), "\(line)")
        }
    }
}
