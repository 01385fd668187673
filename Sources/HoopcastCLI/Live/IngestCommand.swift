import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore
import Logging

/// `hoopcast ingest --date D`: fetches a date from the live sources into the raw tables and the archive.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Fetch a date from the live sources (NBA.com, Ball Don't Lie, The Odds API, ESPN, BettingPros).",
        discussion: """
            Every payload is archived (gzip, by SHA-256) and recorded in raw_fetch_manifest, then parsed into the \
            raw tables with the import's validation and idempotent upserts. Exits non-zero when any payload failed \
            or never arrived. Keys: ODDS_API_KEY / BALLDONTLIE_API_KEY or their *_FILE forms. See docs/ingestion.md.
            """
    )

    @Option(help: "The game date (YYYY-MM-DD, US Eastern).")
    var date: String

    @Option(
        help:
            "Comma-separated sources (nba_cdn, nba_stats, bdl, odds_api, espn, bettingpros) or endpoints (nba_stats.boxscore_traditional); default all."
    )
    var sources: String?

    @Option(help: "morning, pretip, overnight or all.")
    var phase: String = "all"

    @Option(
        name: .customLong("odds-snapshot"),
        help: ArgumentHelp(
            "Use The Odds API's historical snapshot at this UTC time (YYYY-MM-DDTHH:MM:SSZ) instead of live odds.",
            valueName: "time"))
    var oddsSnapshot: String?

    @Flag(help: "Print the report as JSON on standard output.")
    var json = false

    @Flag(name: .customLong("then-run"), help: "After a successful ingest, run the daily pipeline for the date.")
    var thenRun = false

    @OptionGroup var live: LiveOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var predictionOptions: PredictionOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        guard let day = GameDate(date) else { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        guard let phase = IngestPhase(rawValue: phase) else {
            throw ValidationError(
                "--phase must be one of \(IngestPhase.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let selected = LiveOptions.list(sources)
        let settings = try live.settings()
        let policies = try live.policies()
        let archive = live.rawArchive()
        let (json, snapshot) = (json, oddsSnapshot)
        let transport = live.transport(policies: policies)
        let registry = thenRun ? try predictionOptions.registry() : nil
        let linePolicy = try predictionOptions.linePolicy()
        let (report, pipeline): (IngestReport, PipelineRunner.DateOutcome?)
        do {
            (report, pipeline) = try await storeOptions.withStore { store in
                let client = LiveHTTPClient(transport: transport, policies: policies)
                let runID = RunLog.newRunID(prefix: "ingest")
                // Writes the rows, then (when rows changed) the registry and prop-line names, as after an import.
                let report = try await LiveIngestor(client: client, store: store, archive: archive, settings: settings)
                    .run(date: day, phase: phase, sources: selected, oddsSnapshot: snapshot, runID: runID)
                guard let registry, !report.failed else { return (report, nil) }
                return (
                    report,
                    try await RunWorkflow(store: store, registry: registry, linePolicy: linePolicy).run(date: day)
                )
            }
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        if json {
            Terminal.out(try JSONOutput.encode(report))
        } else {
            IngestCommand.print(report)
            pipeline?.print()
        }
        if report.failed || pipeline?.succeeded == false { throw ExitCode(1) }
    }

    static func print(_ report: IngestReport) {
        Terminal.out(
            "ingest \(report.date) (\(report.phase)): \(report.scheduledGames) scheduled games, run \(report.runID)")
        for payload in report.payloads {
            let rows = payload.parsed.values.reduce(0, +)
            let changed = payload.writes.reduce(0) { $0 + $1.inserted + $1.updated }
            if let error = payload.error {
                Terminal.out("  FAILED \(payload.endpoint) [\(payload.errorKind ?? "")]: \(error)")
            } else {
                Terminal.out(
                    "  ok     \(payload.endpoint): \(rows) rows parsed, \(changed) changed, \(payload.issues.count) rejected"
                )
            }
        }
        for note in report.skipped { Terminal.out("  skipped \(note)") }
        Terminal.out(
            report.failed ? "FAILED: data is missing for \(report.date)" : "ok: \(report.rowsChanged) rows changed")
    }
}
