import HoopcastCore
import Logging
import ServiceLifecycle

/// Evaluates the alerts every ``interval`` until graceful shutdown (beside `serve`, `worker` or `schedule` with
/// `--alerts`). A failed evaluation (the store unreachable) is logged and tried again at the next tick.
public struct AlertMonitor: Service {
    let dispatcher: AlertDispatcher
    let interval: Duration
    let clock: any WallClock
    let logger: Logger

    /// A monitor running `dispatcher` every `interval`.
    public init(
        dispatcher: AlertDispatcher, interval: Duration = .seconds(60), clock: any WallClock = SystemClock(),
        logger: Logger = Logger(label: "hoopcast.alerts")
    ) {
        self.dispatcher = dispatcher
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await dispatcher.run()
                    if report.notified + report.resolved > 0 || report.digest || report.failed > 0 {
                        logger.info(
                            "alerts evaluated",
                            metadata: [
                                "firing": "\(report.firing)", "notified": "\(report.notified)",
                                "resolved": "\(report.resolved)", "sent": "\(report.sent)",
                                "failed": "\(report.failed)", "rate_limited": "\(report.rateLimited)",
                            ])
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error(
                        "alert evaluation failed; trying again at the next tick", metadata: ["error": "\(error)"])
                }
                try? await clock.sleep(for: interval)
            }
        }
    }
}
