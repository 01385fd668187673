import ArgumentParser
import HoopcastIngest
import HoopcastStore

/// `hoopcast registry …`: the player registry and prop-line name resolution.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Inspect player-name resolution.",
        subcommands: [Unresolved.self]
    )

    /// `hoopcast registry unresolved`: prop-line names that did not resolve to exactly one player.
    struct Unresolved: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List prop-line player names that are unresolved or ambiguous, with row counts.")

        @Option(help: "Show at most this many names.")
        var limit = 100

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            LoggingSetup.bootstrap()
            let limit = limit
            try await storeOptions.withStore { store in try await Self.list(store: store, limit: limit) }
        }

        static func list(store: Store, limit: Int) async throws {
            let names = try await PropLineReader(db: store.sql).unresolvedNames(limit: limit)
            var table = [["name", "status", "rows", "dates", "candidates"]]
            for name in names {
                table.append([
                    name.playerName, name.status.rawValue, "\(name.rows)", "\(name.firstDate)..\(name.lastDate)",
                    name.candidates,
                ])
            }
            let summary = try await NameResolutionPass.summary(store.sql)
            Terminal.out(summary.line)
            Terminal.out(names.isEmpty ? "Every prop-line name resolved." : TextTable.render(table))
        }
    }
}
