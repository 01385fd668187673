import Configuration
import Foundation
import HoopcastLive

/// The alert routes and policy, read from the environment through swift-configuration.
///
/// | Variable | Meaning |
/// |---|---|
/// | `HOOPCAST_ALERT_WEBHOOK_URL` (or `…_URL_FILE`) | a Slack-compatible incoming webhook (secret) |
/// | `HOOPCAST_ALERT_WEBHOOK_SEVERITY` | the least severity it takes: `info`, `warning` (default), `critical` |
/// | `HOOPCAST_ALERT_SMTP_HOST`, `…_PORT` (587) | the mail server |
/// | `HOOPCAST_ALERT_SMTP_SECURITY` | `starttls` (default; required of the server), `tls` (port 465), `plain` (loopback only) |
/// | `HOOPCAST_ALERT_SMTP_USERNAME`, `…_PASSWORD` (or `…_PASSWORD_FILE`) | credentials (the password is secret) |
/// | `HOOPCAST_ALERT_SMTP_FROM`, `…_TO` | sender; recipients, comma-separated |
/// | `HOOPCAST_ALERT_SMTP_CA_FILE` | a PEM CA trusted besides the system's (a self-hosted server) |
/// | `HOOPCAST_ALERT_SMTP_SEVERITY` | the least severity email takes (default `critical`) |
/// | `HOOPCAST_ALERT_DEDUPE_MINUTES` (360), `…_MESSAGES_PER_HOUR` (12), `…_SOURCE_DOWN_MINUTES` (30) | policy |
/// | `HOOPCAST_ALERT_PREDICTIONS_DUE` (`18:00`), `…_DIGEST_AT` (`09:00`) | Eastern times |
///
/// Secrets are marked secret in the configuration reader and never appear in ``description``.
public struct AlertSettings: Sendable, CustomStringConvertible {
    /// The webhook URL (secret) and the least severity it takes.
    public var webhook: (url: String, minimum: AlertSeverity)?
    /// The mail settings and the least severity email takes.
    public var email: (settings: SMTPSettings, minimum: AlertSeverity)?
    /// When conditions become alerts and how often they are sent.
    public var policy: AlertPolicy

    /// Creates settings.
    public init(
        webhook: (url: String, minimum: AlertSeverity)? = nil,
        email: (settings: SMTPSettings, minimum: AlertSeverity)? = nil, policy: AlertPolicy = AlertPolicy()
    ) {
        self.webhook = webhook
        self.email = email
        self.policy = policy
    }

    /// Every secret, for redaction.
    public var secrets: [String] {
        var secrets: [String] = []
        if let url = webhook?.url {
            secrets.append(url)
            // The path of a Slack-style URL is the credential on its own.
            if let path = URL(string: url)?.path, path.count > 1 { secrets.append(path) }
        }
        if let password = email?.settings.password { secrets.append(password) }
        return secrets
    }

    /// The routes configured and their minimums; never a URL or a password.
    public var description: String {
        let webhook = self.webhook.map { "webhook (≥ \($0.minimum.rawValue))" }
        let email = self.email.map { "email to \($0.settings.recipients.count) (≥ \($0.minimum.rawValue))" }
        let routes = [webhook, email].compactMap { $0 }
        return "AlertSettings(routes: \(routes.isEmpty ? "none" : routes.joined(separator: ", ")))"
    }

    /// Reads the settings from `environment`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SettingsError)
        -> AlertSettings
    {
        let secretNames: Set<String> = ["HOOPCAST_ALERT_WEBHOOK_URL", "HOOPCAST_ALERT_SMTP_PASSWORD"]
        let config = ConfigReader(
            provider: EnvironmentVariablesProvider(
                environmentVariables: environment, secretsSpecifier: .specific(secretNames)))
        func text(_ path: String) -> String? {
            config.string(forKey: ConfigKey(["hoopcast", "alert"] + path.split(separator: "_").map(String.init)))
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        func severity(_ path: String, default value: AlertSeverity) throws(SettingsError) -> AlertSeverity {
            guard let raw = text(path) else { return value }
            guard let severity = AlertSeverity(rawValue: raw) else {
                throw SettingsError(
                    "HOOPCAST_ALERT_\(path.uppercased()) is '\(raw)'; expected info, warning or critical")
            }
            return severity
        }
        func number(_ path: String, default value: Int) throws(SettingsError) -> Int {
            guard let raw = text(path) else { return value }
            guard let number = Int(raw), number > 0 else {
                throw SettingsError("HOOPCAST_ALERT_\(path.uppercased()) is '\(raw)'; expected a positive whole number")
            }
            return number
        }
        func time(_ path: String, default value: WallTime) throws(SettingsError) -> WallTime {
            guard let raw = text(path) else { return value }
            guard let time = WallTime(raw) else {
                throw SettingsError("HOOPCAST_ALERT_\(path.uppercased()) is '\(raw)'; expected an Eastern time HH:MM")
            }
            return time
        }
        let defaults = AlertPolicy()
        let policy = AlertPolicy(
            dedupeWindow: .seconds(try number("dedupe_minutes", default: 360) * 60),
            messagesPerHour: try number("messages_per_hour", default: defaults.messagesPerHour),
            sourceDownAfter: .seconds(try number("source_down_minutes", default: 30) * 60),
            predictionsDue: try time("predictions_due", default: defaults.predictionsDue),
            digestAt: try time("digest_at", default: defaults.digestAt))
        var settings = AlertSettings(policy: policy)
        if let url = try SourceSettings.key(
            config, ["hoopcast", "alert", "webhook", "url"], name: "HOOPCAST_ALERT_WEBHOOK_URL")
        {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
            else { throw SettingsError("HOOPCAST_ALERT_WEBHOOK_URL is not an http(s) URL") }
            settings.webhook = (url, try severity("webhook_severity", default: .warning))
        }
        if let host = text("smtp_host") {
            let security: SMTPSecurity
            switch text("smtp_security") ?? "starttls" {
            case "starttls": security = .startTLS
            case "tls": security = .implicitTLS
            case "plain": security = .plaintext
            case let other:
                throw SettingsError("HOOPCAST_ALERT_SMTP_SECURITY is '\(other)'; expected starttls, tls or plain")
            }
            let password = try SourceSettings.key(
                config, ["hoopcast", "alert", "smtp", "password"], name: "HOOPCAST_ALERT_SMTP_PASSWORD")
            let recipients = (text("smtp_to") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            guard let from = text("smtp_from") else {
                throw SettingsError("HOOPCAST_ALERT_SMTP_HOST is set but HOOPCAST_ALERT_SMTP_FROM is not")
            }
            do {
                let smtp = try SMTPSettings(
                    host: host, port: try number("smtp_port", default: security.defaultPort),
                    security: security, username: text("smtp_username"), password: password, from: from,
                    recipients: recipients, caCertificateFile: text("smtp_ca_file"))
                settings.email = (smtp, try severity("smtp_severity", default: .critical))
            } catch {
                throw SettingsError("the SMTP settings are invalid: \(error)")
            }
        }
        return settings
    }
}
