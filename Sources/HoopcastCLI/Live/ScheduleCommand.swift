import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore
import Logging
import ServiceLifecycle

/// `hoopcast schedule`: the long-running mode. Queues the ingest phases at their US Eastern times until stopped.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract:
            "Queue the live ingest phases at their times (US Eastern) until SIGTERM/SIGINT; `hoopcast worker` runs them.",
        discussion: """
            For game date D: ingest.morning at --morning on D; ingest.pretip every --pretip-every minutes from \
            --pretip-from on D while before D's last tip-off (from the NBA.com schedule, so known once a morning \
            ingest ran); ingest.overnight at --overnight on D + 1. Each slot is one job (keyed by its time), queued \
            once however often the scheduler restarts; at start, slots of the last --catch-up-minutes are queued. \
            Workers run the jobs; a successful ingest queues the date's daily pipeline again. See docs/ingestion.md.
            """
    )

    @Option(help: "The morning phase, HH:MM US Eastern, on the game date.")
    var morning = "09:00"

    @Option(name: .customLong("pretip-from"), help: "The first pre-tip refresh, HH:MM US Eastern, on the game date.")
    var pretipFrom = "12:00"

    @Option(name: .customLong("pretip-every"), help: "Minutes between pre-tip refreshes (until the last tip-off).")
    var pretipEvery = 60

    @Option(help: "The overnight phase, HH:MM US Eastern, on the day after the game date.")
    var overnight = "03:00"

    @Option(
        name: .customLong("catch-up-minutes"), help: "At start, queue the slots that fell due this many minutes back.")
    var catchUpMinutes = 60.0

    @Option(name: .customLong("poll-seconds"), help: "Longest sleep between passes (new tip-offs add pre-tip slots).")
    var pollSeconds = 300.0

    @Option(help: "Attempts per ingest job (retried with the queue's backoff when the failure is transient).")
    var attempts = 3

    @Flag(help: "Also evaluate the alerts every minute and send them to the configured routes (`hoopcast alerts`).")
    var alerts = false

    @OptionGroup var storeOptions: StoreOptions

    /// The schedule from the options.
    func schedule() throws -> IngestSchedule {
        var times: [WallTime] = []
        for (option, text) in [("--morning", morning), ("--pretip-from", pretipFrom), ("--overnight", overnight)] {
            guard let time = WallTime(text) else {
                throw ValidationError("\(option) takes HH:MM (24-hour), got '\(text)'")
            }
            times.append(time)
        }
        guard pretipEvery >= 1 else { throw ValidationError("--pretip-every must be at least 1 (minutes)") }
        return IngestSchedule(
            .init(
                morning: times[0], pretipFrom: times[1], pretipEveryMinutes: pretipEvery,
                overnight: times[2]))
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let schedule = try schedule()
        guard attempts >= 1, pollSeconds > 0, catchUpMinutes >= 0 else {
            throw ValidationError("--attempts ≥ 1, --poll-seconds > 0 and --catch-up-minutes ≥ 0")
        }
        let (attempts, catchUp, poll) = (attempts, Duration.seconds(catchUpMinutes * 60), Duration.seconds(pollSeconds))
        let logger = Logger(label: "hoopcast.schedule")
        try await storeOptions.withStore(connect: .patient) { store in
            let scheduler = IngestScheduler(
                schedule: schedule, queue: JobQueue(store: store, clock: ShutdownWakingClock()), maxAttempts: attempts,
                logger: logger)
            logger.info(
                "schedule started",
                metadata: [
                    "store": "\(store.location)", "morning": "\(schedule.config.morning)",
                    "pretip_from": "\(schedule.config.pretipFrom)",
                    "pretip_every_minutes": "\(schedule.config.pretipEveryMinutes)",
                    "overnight": "\(schedule.config.overnight)",
                ])
            let service = ScheduleService(scheduler: scheduler, catchUp: catchUp, poll: poll)
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)
            ]
            if alerts { services.append(.init(service: try AlertsCommand.monitor(store: store, logger: logger))) }
            let group = ServiceGroup(
                configuration: .init(
                    services: services,
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            logger.info("schedule stopped")
        }
    }
}

/// The scheduler as a service: a graceful shutdown cuts its sleep short (its queue's clock is a
/// ``ShutdownWakingClock``) and ends the loop between passes (a pass in progress finishes its transaction).
struct ScheduleService: Service {
    let scheduler: IngestScheduler
    let catchUp: Duration
    let poll: Duration

    func run() async throws {
        try await scheduler.run(
            catchUp: catchUp, poll: poll, shouldStop: { Task.isShuttingDownGracefully || Task.isCancelled })
    }
}

/// The system clock, except that a graceful shutdown (or the task's cancellation) ends a sleep early instead of
/// throwing: the scheduler's loop then checks whether it should stop.
struct ShutdownWakingClock: WallClock {
    let system = SystemClock()

    var now: WallInstant { system.now }

    var minimumResolution: Duration { system.minimumResolution }

    func sleep(until deadline: WallInstant, tolerance: Duration?) async throws {
        do {
            try await cancelWhenGracefulShutdown { try await system.sleep(until: deadline, tolerance: tolerance) }
        } catch is CancellationError {
            // Woken by the shutdown (or a cancelled task): the loop checks shouldStop next.
        }
    }
}
