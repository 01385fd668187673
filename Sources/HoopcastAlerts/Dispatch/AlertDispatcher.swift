import HoopcastCore
import HoopcastLive
import HoopcastStore
import Logging

/// Turns conditions into messages: evaluates the rules on the store, records what is firing, claims and sends what
/// is new or due again, sends "resolved" when a notified condition clears, and the daily digest once a day.
///
/// Sending never fails the caller: each delivery is retried with the shared jittered ``RetryPolicy`` and then
/// recorded as failed (with its error, secrets removed) and logged. Only the store failing throws.
public struct AlertDispatcher: Sendable {
    let store: Store
    let routes: [any AlertRoute]
    let policy: AlertPolicy
    let retry: RetryPolicy
    let clock: any WallClock
    let jitter: any JitterSource
    let redactor: Redactor
    let logger: Logger

    /// A dispatcher sending to `routes`; `secrets` are removed from every error it logs or stores.
    public init(
        store: Store, routes: [any AlertRoute], policy: AlertPolicy, secrets: [String],
        retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(10)),
        clock: any WallClock = SystemClock(), jitter: any JitterSource = SystemJitter(),
        logger: Logger = Logger(label: "hoopcast.alerts")
    ) {
        self.store = store
        self.routes = routes
        self.policy = policy
        self.retry = retry
        self.clock = clock
        self.jitter = jitter
        self.redactor = Redactor(secrets: secrets)
        self.logger = logger
    }

    var ledger: AlertLedger { AlertLedger(db: store.sql) }

    /// One evaluation at the clock's now.
    public func run() async throws -> AlertRunReport {
        let now = clock.now
        var report = AlertRunReport()
        let alerts = AlertRules.evaluate(
            try await AlertInputs.read(from: store, at: now, policy: policy), policy: policy)
        let before = try await ledger.firing()
        report.firing = alerts.count
        for alert in alerts {
            try await ledger.seen(alert, at: now)
            let previous = before[alert.key]?.lastNotified
            guard try await ledger.claim(alert.key, at: now, window: policy.dedupeWindow) else {
                report.deduplicated += 1
                continue
            }
            report.notified += 1
            let outcomes = try await send(.firing(alert), at: now, limited: true, into: &report)
            if !outcomes.isEmpty, !outcomes.contains(.sent) {
                // No route took it: the next evaluation tries again.
                try await ledger.release(alert.key, previous: previous)
            }
        }
        let holding = Set(alerts.map(\.key))
        for (key, entry) in before.sorted(by: { $0.key < $1.key }) where !holding.contains(key) {
            guard try await ledger.resolve(key, at: now) else { continue }
            report.resolved += 1
            if entry.lastNotified != nil {
                _ = try await send(.resolved(entry.alert), at: now, limited: true, into: &report)
            }
        }
        let (today, time) = EasternTime.wallClock(of: now.date)
        if time >= policy.digestAt, try await ledger.claimDigest(of: today, at: now) {
            let digest = try await AlertDigest.read(from: store, date: today, at: now)
            _ = try await send(digest.message, at: now, limited: false, into: &report)
            report.digest = true
        }
        return report
    }

    /// Sends a test message to every route, whatever its minimum severity; the outcome per route.
    public func test() async throws -> [(route: String, outcome: Delivery.Outcome, error: String?)] {
        let now = clock.now
        let message = AlertMessage(
            kind: .test, key: "test:\(now)", severity: .critical, subject: "[hoopcast] test message",
            body: "A test of this alert route, sent by `hoopcast alerts test` at \(now).")
        var results: [(String, Delivery.Outcome, String?)] = []
        for route in routes {
            let delivery = try await deliver(message, to: route, at: now)
            results.append((route.name, delivery.outcome, delivery.error))
        }
        return results
    }

    /// Sends `message` to each route that takes its severity (subject to the hourly limit when `limited`).
    private func send(_ message: AlertMessage, at now: WallInstant, limited: Bool, into report: inout AlertRunReport)
        async throws -> [Delivery.Outcome]
    {
        var outcomes: [Delivery.Outcome] = []
        for route in routes where message.severity >= route.minimum || message.kind == .digest {
            if limited, try await ledger.spent(route: route.name, since: now - .seconds(3600)) >= policy.messagesPerHour
            {
                let delivery = Delivery(
                    key: message.key, kind: message.kind, route: route.name, outcome: .rateLimited, attempts: 0,
                    error: nil, at: now)
                try await ledger.record(delivery)
                logger.warning(
                    "alert not sent: the route's hourly limit is spent",
                    metadata: ["route": "\(route.name)", "alert": "\(message.key)"])
                report.rateLimited += 1
                outcomes.append(.rateLimited)
                continue
            }
            let delivery = try await deliver(message, to: route, at: now)
            switch delivery.outcome {
            case .sent: report.sent += 1
            case .failed: report.failed += 1
            case .rateLimited: report.rateLimited += 1
            }
            outcomes.append(delivery.outcome)
        }
        return outcomes
    }

    /// One message to one route with bounded, jittered retries; recorded and logged, never thrown.
    private func deliver(_ message: AlertMessage, to route: any AlertRoute, at now: WallInstant) async throws
        -> Delivery
    {
        var attempts = 0
        var delay: Duration?
        var lastError: String?
        while attempts < retry.maxAttempts {
            attempts += 1
            do {
                try await route.deliver(message)
                lastError = nil
                break
            } catch {
                lastError = redactor.scrub(String(describing: error))
                guard attempts < retry.maxAttempts else { break }
                let next = retry.delay(after: delay, random: jitter.next())
                delay = next
                try await clock.sleep(for: next)
            }
        }
        let delivery = Delivery(
            key: message.key, kind: message.kind, route: route.name, outcome: lastError == nil ? .sent : .failed,
            attempts: attempts, error: lastError, at: now)
        try await ledger.record(delivery)
        if let lastError {
            logger.error(
                "alert delivery failed",
                metadata: [
                    "route": "\(route.name)", "alert": "\(message.key)", "attempts": "\(attempts)",
                    "error": "\(lastError)",
                ])
        } else {
            logger.info(
                "alert sent",
                metadata: ["route": "\(route.name)", "alert": "\(message.key)", "kind": "\(message.kind)"])
        }
        return delivery
    }
}
