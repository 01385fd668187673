import HoopcastLive
import Testing

@testable import HoopcastAlerts

/// The routes and policy from the environment: defaults, validation naming the variable, secrets kept out.
@Suite struct AlertSettingsTests {
    static let url = "https://hooks.slack.com/services/T0/B0/sEcReTtOkEn"

    @Test func routesAndPolicyComeFromTheEnvironmentAndDescriptionsHoldNoSecret() throws {
        let settings = try AlertSettings.load(environment: [
            "HOOPCAST_ALERT_WEBHOOK_URL": Self.url, "HOOPCAST_ALERT_WEBHOOK_SEVERITY": "critical",
            "HOOPCAST_ALERT_SMTP_HOST": "mail.example.org", "HOOPCAST_ALERT_SMTP_USERNAME": "ops",
            "HOOPCAST_ALERT_SMTP_PASSWORD": "hunter2-pw", "HOOPCAST_ALERT_SMTP_FROM": "hoopcast@example.org",
            "HOOPCAST_ALERT_SMTP_TO": "a@example.org, b@example.org", "HOOPCAST_ALERT_DEDUPE_MINUTES": "90",
            "HOOPCAST_ALERT_PREDICTIONS_DUE": "17:30",
        ])
        #expect(settings.webhook?.url == Self.url && settings.webhook?.minimum == .critical)
        #expect(settings.email?.settings.recipients == ["a@example.org", "b@example.org"])
        #expect(settings.email?.settings.port == 587 && settings.email?.settings.security == .startTLS)
        #expect(settings.email?.minimum == .critical)
        #expect(settings.policy.dedupeWindow == .seconds(5400))
        #expect(settings.policy.predictionsDue == WallTime(hour: 17, minute: 30)!)
        #expect(settings.policy.messagesPerHour == 12)
        #expect(Set(settings.secrets).isSuperset(of: [Self.url, "/services/T0/B0/sEcReTtOkEn", "hunter2-pw"]))
        let described = "\(settings) \(settings.email!.settings)"
        #expect(!described.contains("sEcReT") && !described.contains("hunter2"))
        #expect(try settings.routes().map(\.name) == ["webhook", "email"])
    }

    @Test func badValuesAreRefusedNamingTheVariable() {
        #expect(throws: SettingsError.self) {
            try AlertSettings.load(environment: ["HOOPCAST_ALERT_WEBHOOK_URL": "ftp://x"])
        }
        do {
            _ = try AlertSettings.load(environment: [
                "HOOPCAST_ALERT_WEBHOOK_URL": Self.url, "HOOPCAST_ALERT_WEBHOOK_SEVERITY": "loud",
            ])
            Issue.record("accepted a severity 'loud'")
        } catch {
            #expect(error.description.contains("HOOPCAST_ALERT_WEBHOOK_SEVERITY is 'loud'"))
        }
        do {
            _ = try AlertSettings.load(environment: ["HOOPCAST_ALERT_SMTP_HOST": "mail.example.org"])
            Issue.record("accepted SMTP without a sender")
        } catch {
            #expect(error.description.contains("HOOPCAST_ALERT_SMTP_FROM"))
        }
        #expect(throws: SettingsError.self) {
            try AlertSettings.load(environment: ["HOOPCAST_ALERT_DIGEST_AT": "9am"])
        }
        #expect(throws: SettingsError.self) {
            try AlertSettings.load(environment: ["HOOPCAST_ALERT_MESSAGES_PER_HOUR": "0"])
        }
    }
}
