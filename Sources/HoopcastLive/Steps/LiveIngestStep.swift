import HoopcastCore
import HoopcastEngine
import HoopcastStore
import Logging

/// `ingest.morning`, `ingest.pretip`, `ingest.overnight`: live ingestion of one phase for a date as a queued job,
/// run by `hoopcast worker` like any other step.
///
/// The fetch (network, archive, parsing) runs first, outside any transaction; a date with any failed payload — or,
/// as in `ingest`, without a known schedule (`no_schedule`) — fails the attempt with every failure listed
/// (``LiveIngestFailure``) and writes nothing: the queue retries fetch failures with its backoff and fails bad
/// payloads at once, and the date's pipeline is not re-run. A complete fetch is written in the step's commit: the
/// raw rows, the manifest, the registry and prop-line names, the job's completion, and the date's daily pipeline
/// jobs re-opened (`downstream`) so they run again on the new data — all in one transaction. A date the schedule
/// shows without games succeeds without queueing its pipeline (which would fail for want of games).
public struct LiveIngestStep: Step {
    /// A generous limit for one phase of one date under the sources' rate limits.
    public static let defaultTimeout: Duration = .seconds(1800)

    /// The step name of a phase: `ingest.<phase>`.
    public static func name(of phase: IngestPhase) -> String { "ingest.\(phase.rawValue)" }

    /// The phase this step ingests.
    public let phase: IngestPhase
    public var name: String { LiveIngestStep.name(of: phase) }
    public let timeout: Duration
    /// The HTTP client shared by the worker's ingest steps.
    public let client: LiveHTTPClient
    /// The raw archive.
    public let archive: RawArchive
    /// Base URLs and keys (from the environment, as `ingest` reads them).
    public let settings: SourceSettings
    /// Sources or endpoints to fetch (nil: every source whose key is configured).
    public let sources: Set<String>?
    /// Fetch timestamps.
    public let clock: any WallClock
    /// The jobs re-opened after a successful ingest of a date: the date's daily pipeline.
    public let downstream: @Sendable (GameDate) throws -> [JobSpec]

    /// Creates the step of `phase`.
    public init(
        phase: IngestPhase, client: LiveHTTPClient, archive: RawArchive, settings: SourceSettings,
        sources: Set<String>? = nil, clock: any WallClock = SystemClock(),
        timeout: Duration = LiveIngestStep.defaultTimeout,
        downstream: @escaping @Sendable (GameDate) throws -> [JobSpec]
    ) {
        self.phase = phase
        self.client = client
        self.archive = archive
        self.settings = settings
        self.sources = sources
        self.clock = clock
        self.timeout = timeout
        self.downstream = downstream
    }

    public func run(date: GameDate, context: StepContext) async throws -> StepReport {
        let ingestor = LiveIngestor(
            client: client, store: context.store, archive: archive, settings: settings,
            clock: clock, logger: context.logger)
        let fetched = try await ingestor.fetch(date: date, phase: phase, sources: sources, runID: context.runID)
        try await SourceHealthBoard(db: context.store.sql).record(fetched.report, at: clock.now)
        guard !fetched.failed else { throw LiveIngestFailure(step: name, report: fetched.report).classified }
        // A day without games (the schedule says so) has nothing to predict: its pipeline would fail for want of games.
        let specs = fetched.scheduledGames > 0 ? try downstream(date) : []
        let (report, reopened) = try await context.commit { db in
            let report = try await ingestor.write(fetched, on: db)
            let reopened = try await context.enqueue(specs, force: true, on: db)
            return (report.rowsChanged, (report, reopened))
        }
        let rejected = report.payloads.reduce(0) { $0 + $1.issues.count }
        let pipeline =
            specs.isEmpty
            ? "no games on \(date): its pipeline is not queued"
            : "\(reopened) of \(specs.count) pipeline jobs for \(date) queued again"
        return StepReport(
            rowsWritten: report.rowsChanged,
            notes: [
                "\(report.payloads.count) payloads, \(report.scheduledGames) scheduled games, \(report.rowsChanged) rows changed, \(rejected) rows rejected",
                pipeline,
            ] + report.skipped.map { "skipped \($0)" })
    }
}
