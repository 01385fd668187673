import ArgumentParser
import Foundation
import HoopcastEngine
import HoopcastLive
import HoopcastStore
import Logging
import ServiceLifecycle
import Synchronization

/// `hoopcast worker`: runs queued jobs until stopped. Many workers on many machines can share one PostgreSQL store.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run queued jobs until SIGTERM/SIGINT (finishes the jobs in hand, then exits).",
        discussion: """
            Claims jobs queued by `hoopcast backfill --no-wait`, `run`, `schedule` or `jobs retry`, holding a lease \
            per job (renewed by heartbeats; a worker that dies loses its jobs to the others once the lease expires). \
            Runs the daily pipeline's steps and the live ingest steps (ingest.morning, ingest.pretip, \
            ingest.overnight, queued by `hoopcast schedule`) with the keys and base URLs `ingest` reads; a \
            successful ingest queues the date's pipeline again. On SIGTERM or SIGINT the worker stops claiming, \
            finishes the jobs it holds and exits.
            """
    )

    @Option(help: "Jobs run at once.")
    var concurrency = 1

    @Flag(help: "Exit when nothing is queued or running instead of waiting for new work.")
    var drain = false

    @Option(help: "Lease length in seconds (a job whose worker stops heartbeating is rescued after it).")
    var leaseSeconds = 30.0

    @Option(
        name: .customLong("ingest-sources"),
        help: ArgumentHelp(
            "Sources (or source.endpoint keys) the ingest jobs fetch, comma-separated; default every source whose key is set.",
            valueName: "sources"))
    var ingestSources: String?

    @OptionGroup var live: LiveOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard concurrency >= 1, leaseSeconds > 0 else {
            throw ValidationError("--concurrency ≥ 1 and --lease-seconds > 0")
        }
        let registry = try predictionOptions.registry(), linePolicy = try predictionOptions.linePolicy()
        let (settings, policies) = (try live.settings(), try live.policies())
        let transport = live.transport(policies: policies)
        let ingest = IngestStepSettings(
            client: LiveHTTPClient(transport: transport, policies: policies),
            archive: live.rawArchive(), settings: settings,
            sources: LiveOptions.list(ingestSources))
        do {
            try await work(
                pipeline: try DailyPipeline.withIngest(registry: registry, linePolicy: linePolicy, ingest: ingest))
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    private func work(pipeline: Pipeline) async throws {
        let (concurrency, drain, lease) = (concurrency, drain, Duration.seconds(leaseSeconds))
        let logger = Logger(label: "hoopcast.worker")
        try await storeOptions.withStore(connect: .patient) { store in
            let worker = Worker(
                queue: JobQueue(store: store, lease: lease), pipeline: pipeline,
                concurrency: concurrency, logger: logger)
            logger.info("worker started", metadata: ["worker": "\(worker.name)", "store": "\(store.location)"])
            let service = WorkerService(worker: worker, drain: drain)
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
            logger.info("worker stopped", metadata: ["worker": "\(worker.name)"])
        }
    }
}

/// The worker as a service: a graceful shutdown stops claiming; jobs in hand finish.
struct WorkerService: Service {
    let worker: Worker
    let drain: Bool

    func run() async throws {
        let stopping = StopFlag()
        try await withGracefulShutdownHandler {
            try await worker.run(drain: drain) { stopping.isSet }
        } onGracefulShutdown: {
            stopping.set()
        }
    }
}

/// Set once, read from any thread.
final class StopFlag: Sendable {
    private let flag = Mutex(false)
    func set() { flag.withLock { $0 = true } }
    var isSet: Bool { flag.withLock { $0 } }
}
