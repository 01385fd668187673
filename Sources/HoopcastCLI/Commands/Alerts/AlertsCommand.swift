import ArgumentParser
import Foundation
import HoopcastAlerts
import HoopcastCore
import HoopcastStore
import Logging

/// `hoopcast alerts test|run|list`: the alert routes configured in the environment (see ``AlertSettings``).
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Send a test alert, evaluate the alerts once, or list them.",
        discussion: """
            Routes come from the environment: HOOPCAST_ALERT_WEBHOOK_URL (a Slack-compatible webhook) and \
            HOOPCAST_ALERT_SMTP_HOST, _PORT, _SECURITY, _USERNAME, _PASSWORD, _FROM, _TO (email, STARTTLS by \
            default), each with a minimum severity; see docs/architecture.md (Alerts). `serve --alerts` and \
            `schedule --alerts` evaluate them every minute; `alerts run` once (for cron).
            """,
        subcommands: [Test.self, Run.self, List.self]
    )

    /// The settings and a dispatcher over `store`.
    static func dispatcher(store: Store) throws -> AlertDispatcher {
        let settings = try AlertSettings.load()
        return AlertDispatcher(
            store: store, routes: try settings.routes(), policy: settings.policy, secrets: settings.secrets)
    }

    /// The monitor `serve --alerts` and `schedule --alerts` run beside their other services.
    static func monitor(store: Store, logger: Logger) throws -> AlertMonitor {
        let settings = try AlertSettings.load()
        logger.info("alerts on", metadata: ["routes": "\(settings)"])
        let dispatcher = AlertDispatcher(
            store: store, routes: try settings.routes(), policy: settings.policy, secrets: settings.secrets,
            logger: logger)
        return AlertMonitor(dispatcher: dispatcher, logger: logger)
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a test message to every configured route; exit code 1 when one did not take it.")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let settings = try AlertSettings.load()
            guard settings.webhook != nil || settings.email != nil else {
                throw ValidationError(
                    "no alert route is configured (HOOPCAST_ALERT_WEBHOOK_URL, HOOPCAST_ALERT_SMTP_HOST)")
            }
            let results = try await storeOptions.withStore { store in
                try await AlertsCommand.dispatcher(store: store).test()
            }
            for result in results {
                Terminal.out("\(result.route): \(result.outcome.rawValue)\(result.error.map { " — \($0)" } ?? "")")
            }
            if results.contains(where: { $0.outcome != .sent }) { throw ExitCode(1) }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate the alerts once: send what is new, resolved or due again, and the digest when due.")

        @Flag(help: "Print the report as JSON.")
        var json = false

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let report = try await storeOptions.withStore { store in
                try await AlertsCommand.dispatcher(store: store).run()
            }
            if json {
                Terminal.out(try JSONOutput.encode(report))
            } else {
                Terminal.out(
                    "\(report.firing) firing (\(report.notified) notified, \(report.deduplicated) already notified), "
                        + "\(report.resolved) resolved; \(report.sent) messages sent, \(report.failed) failed, "
                        + "\(report.rateLimited) held back by the hourly limit"
                        + (report.digest ? "; digest sent" : ""))
            }
            if report.failed > 0 { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the alerts, firing first.")

        @Option(help: "At most this many.")
        var limit = 50

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let entries = try await storeOptions.withStore { store in
                try await AlertLedger(db: store.sql).recent(limit: limit)
            }
            if entries.isEmpty { Terminal.out("no alerts") }
            for entry in entries {
                let state = entry.firing ? "FIRING" : "resolved"
                let notified = entry.lastNotified.map { "notified \($0)" } ?? "not notified"
                Terminal.out(
                    "\(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.alert.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.alert.title) — since \(entry.firstSeen), \(notified) [\(entry.alert.key)]"
                )
            }
        }
    }
}
