import ArgumentParser
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastLive
import HoopcastServe
import HoopcastStore
import Hummingbird
import Logging
import ServiceLifecycle

/// `hoopcast serve`: the HTTP API (and, with `--workers`/`--schedule`, the whole live system in one process).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve the HTTP API (openapi.yaml) until SIGTERM/SIGINT; optionally run workers and the schedule too.",
        discussion: """
            Serves /v1 (bearer API keys from `hoopcast keys create`; --public-read opens the read routes), \
            /openapi.yaml, /healthz and /readyz. With --workers N the process also runs N queue workers (as \
            `hoopcast worker --concurrency N`), and with --schedule the live ingest schedule at its default times (as \
            `hoopcast schedule`), so one command runs the whole live system. Without them it only serves: many \
            servers can share one PostgreSQL store. On SIGTERM or SIGINT it stops accepting connections, finishes \
            the requests and jobs in hand, and exits.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one, printed at start).")
    var port = 8080

    @Flag(name: .customLong("public-read"), help: "Let requests without a key read (admin routes still need one).")
    var publicRead = false

    @Option(help: "Queue workers to run in this process (0: serve only).")
    var workers = 0

    @Flag(help: "Also run the live ingest schedule (default times; see `hoopcast schedule`).")
    var schedule = false

    @Option(name: .customLong("tls-cert"), help: "A PEM certificate chain: serve HTTPS only (with --tls-key).")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    @Flag(help: "Also evaluate the alerts every minute and send them to the configured routes (`hoopcast alerts`).")
    var alerts = false

    @Option(name: .customLong("request-timeout"), help: "Seconds a request may take before it is answered 503.")
    var requestTimeout = 30.0

    @Option(name: .customLong("rate-limit"), help: "Requests per minute per key (or per address without a key).")
    var rateLimit = 600.0

    @OptionGroup var live: LiveOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard workers >= 0, requestTimeout > 0, rateLimit > 0, (0...65535).contains(port) else {
            throw ValidationError("--workers ≥ 0, --request-timeout > 0, --rate-limit > 0 and a port in 0…65535")
        }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        let (settings, policies) = (try live.settings(), try live.policies())
        let transport = live.transport(policies: policies)
        let metrics = ServeMetrics()
        let ingest = IngestStepSettings(
            client: LiveHTTPClient(transport: transport, policies: policies, metrics: metrics.factory),
            archive: live.rawArchive(),
            settings: settings, sources: nil)
        let pipeline = try DailyPipeline.withIngest(registry: registry, linePolicy: linePolicy, ingest: ingest)
        let daily = try DailyPipeline.make(registry: registry, linePolicy: linePolicy)
        let ingestSchedule = schedule ? try ScheduleCommand.parse([]).schedule() : nil
        do {
            try await serve(pipeline: pipeline, daily: daily, ingestSchedule: ingestSchedule, metrics: metrics)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    /// Runs the server (and workers and schedule when asked) until a shutdown signal; `daily` is what admin runs queue
    /// (dates are queued without the ingest steps, as `backfill` does), `pipeline` what the workers run.
    private func serve(
        pipeline: Pipeline, daily: Pipeline, ingestSchedule: IngestSchedule?, metrics: ServeMetrics
    ) async throws {
        let logger = Logger(label: "hoopcast.serve")
        let configuration = ServeConfiguration(
            host: host, port: port, publicRead: publicRead, requestTimeout: .seconds(requestTimeout),
            requestsPerMinute: rateLimit, burst: max(10, rateLimit / 10),
            tls: tlsCert.flatMap { cert in tlsKey.map { (cert, $0) } })
        let workers = workers, location = try storeOptions.location(), tls = tlsCert != nil
        // The API reads through a store of its own: on SQLite its own connections, so a request's reads never
        // queue behind a worker's (a store runs one statement at a time per connection).
        // Both through a bounded page cache (``SQLiteMemory/server``): a mapped file would keep every page the
        // server ever read in its resident memory, twice (once per mapping).
        try await Store.withOpen(location, connect: .patient, memory: .server) { apiStore in
            try await Store.withOpen(location, connect: .patient, memory: .server) { workStore in
                let admin = AdminActions { from, to, force in
                    let backfill = Backfill(
                        pipeline: daily, queue: JobQueue(store: workStore),
                        calendar: RawReader(db: workStore.sql))
                    let (dates, correlationID) = try await backfill.enqueue(from: from, to: to, force: force)
                    let counts = try await JobQueue(store: workStore).counts(correlationID: correlationID)
                    return (dates.count, (counts[.queued] ?? 0) + (counts[.waiting] ?? 0))
                }
                let server = HoopcastServer(
                    configuration: configuration, store: apiStore, admin: admin, metrics: metrics, logger: logger)
                var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
                    .init(
                        service: try server.application(onStarted: { address in
                            Terminal.out("serving on \(tls ? "https" : "http")://\(address) (store \(location))")
                        }))
                ]
                if workers > 0 {
                    let worker = Worker(
                        queue: JobQueue(store: workStore), pipeline: pipeline, concurrency: workers, logger: logger,
                        metrics: metrics.factory)
                    services.append(.init(service: WorkerService(worker: worker, drain: false)))
                }
                if let ingestSchedule {
                    let scheduler = IngestScheduler(
                        schedule: ingestSchedule, queue: JobQueue(store: workStore, clock: ShutdownWakingClock()),
                        maxAttempts: 3, logger: logger)
                    services.append(
                        .init(
                            service: ScheduleService(scheduler: scheduler, catchUp: .seconds(3600), poll: .seconds(300))
                        ))
                }
                if alerts {
                    services.append(.init(service: try AlertsCommand.monitor(store: workStore, logger: logger)))
                }
                let group = ServiceGroup(
                    configuration: .init(
                        services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
                logger.info("serve stopped")
            }
        }
    }
}
