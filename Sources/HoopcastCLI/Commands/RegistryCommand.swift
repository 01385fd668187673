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
            let rows = try await store.sql.raw(
                """
                SELECT r.player_name, r.status, r.candidates, COUNT(*) AS n, MIN(p.game_date) AS first_date,
                       MAX(p.game_date) AS last_date
                FROM raw_prop_lines p
                JOIN registry_name_resolutions r
                  ON r.player_name = p.player_name AND r.game_date = p.game_date
                 AND r.home_team = p.home_team AND r.away_team = p.away_team
                WHERE r.status <> 'resolved'
                GROUP BY r.player_name, r.status, r.candidates
                ORDER BY n DESC, r.player_name
                LIMIT \(bind: limit)
                """
            ).all()
            var table = [["name", "status", "rows", "dates", "candidates"]]
            for row in rows {
                table.append([
                    try row.value("player_name"), try row.value("status"), "\(try row.value("n", as: Int.self))",
                    "\(try row.value("first_date", as: String.self))..\(try row.value("last_date", as: String.self))",
                    try row.value("candidates"),
                ])
            }
            let summary = try await NameResolutionPass.summary(store.sql)
            Terminal.out(summary.line)
            Terminal.out(rows.isEmpty ? "Every prop-line name resolved." : TextTable.render(table))
        }
    }
}
