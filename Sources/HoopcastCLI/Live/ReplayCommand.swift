import ArgumentParser
import Foundation
import HoopcastCore
import HoopcastLive
import HoopcastStore

/// `hoopcast replay`: re-parses archived payloads without the network.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-parse archived payloads (by date, by source, or one file) without the network.",
        discussion: """
            With --date and/or --source, replays the archived payloads listed in raw_fetch_manifest. With --file, \
            parses one payload as the endpoint given by --source (source.endpoint, e.g. odds_api.player_props); \
            --dry-run --json prints the parsed row counts without writing. Replaying an identical payload changes \
            nothing.
            """
    )

    @Option(help: "Replay the payloads fetched for this date (YYYY-MM-DD).")
    var date: String?

    @Option(help: "A source (nba_cdn, odds_api, …) or, with --file, an endpoint key such as odds_api.events.")
    var source: String?

    @Option(help: "Parse this payload file (.json or .json.gz) instead of the archive.")
    var file: String?

    @Flag(name: .customLong("dry-run"), help: "Parse only; write nothing.")
    var dryRun = false

    @Flag(help: "Print the outcomes as JSON on standard output.")
    var json = false

    @OptionGroup var live: LiveOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let date, GameDate(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, got '\(date)'") }
        if file != nil, source == nil { throw ValidationError("--file needs --source ENDPOINT (e.g. odds_api.events)") }
        if file == nil, date == nil, source == nil { throw ValidationError("give --date, --source or --file") }
    }

    func run() async throws {
        LoggingSetup.bootstrap()
        let day = date.flatMap { GameDate($0) }
        let runID = RunLog.newRunID(prefix: "replay")
        let outcomes: [PayloadOutcome]
        if let file, let source {
            let url = URL(fileURLWithPath: file)
            if dryRun {
                outcomes = [
                    try await Replayer.replayFile(
                        url, endpoint: source, date: day, store: nil, dryRun: true,
                        runID: runID)
                ]
            } else {
                outcomes = [
                    try await storeOptions.withStore { store in
                        try await Replayer.replayFile(
                            url, endpoint: source, date: day, store: store, dryRun: false, runID: runID)
                    }
                ]
            }
        } else {
            let (archive, source, dryRun) = (live.rawArchive(), source, dryRun)
            outcomes = try await storeOptions.withStore { store in
                try await Replayer(store: store, archive: archive).replay(
                    date: day, source: source, dryRun: dryRun,
                    runID: runID)
            }
        }
        if json {
            Terminal.out(try JSONOutput.encode(outcomes))
        } else {
            for outcome in outcomes {
                if let error = outcome.error {
                    Terminal.out("FAILED \(outcome.endpoint) \(outcome.sha256.prefix(12)): \(error)")
                } else {
                    let counts = outcome.parsed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    let changed = outcome.writes.reduce(0) { $0 + $1.inserted + $1.updated }
                    Terminal.out(
                        "ok \(outcome.endpoint) \(outcome.sha256.prefix(12)): \(counts.joined(separator: " ")), \(changed) changed"
                    )
                }
            }
        }
        if outcomes.contains(where: \.failed) { throw ExitCode(1) }
    }
}
