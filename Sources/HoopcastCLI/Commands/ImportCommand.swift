import ArgumentParser
import Foundation
import HoopcastIngest
import HoopcastStore

/// `hoopcast import DIR`: loads a canonical dataset directory into the warehouse.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a dataset directory (games, player_boxscores, game_lines, prop_lines as .csv or .csv.gz).",
        discussion: """
            Idempotent: re-importing the same files changes nothing. Bad rows are rejected with file, line, column \
            and value, kept in raw_import_quarantine, and make the exit code non-zero; good rows still load unless \
            --strict is given. Afterwards the player registry is refreshed and prop-line names are resolved.
            """
    )

    @Argument(help: "The dataset directory.")
    var directory: String

    @Flag(help: "Print the per-file summary as JSON on standard output.")
    var json = false

    @Flag(help: "Load nothing at all when any row is rejected.")
    var strict = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        LoggingSetup.bootstrap()
        let (strict, json, directory) = (strict, json, directory)
        let outcome = try await storeOptions.withStore { store in
            try await ImportWorkflow(store: store, strict: strict, showProgress: !json)
                .run(directory: URL(fileURLWithPath: directory))
        }
        if json {
            Terminal.out(try outcome.report.jsonSummary())
        } else {
            outcome.printSummary()
        }
        if outcome.report.hasRejections { throw ExitCode(1) }
    }
}
