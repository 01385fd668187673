import ArgumentParser
import Foundation
import HoopcastAnalytics
import HoopcastCore

/// `hoopcast features …`: the feature store.
struct FeaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "The feature store (phase 4).",
        subcommands: [Docs.self, Export.self]
    )

    /// `hoopcast features docs`: prints the feature catalogue (the content of docs/features.md).
    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the feature catalogue as Markdown.")

        func run() async throws {
            print(Feature.markdown, terminator: "")
        }
    }

    /// `hoopcast features export --from D1 --to D2 --out FILE`: the training set as CSV.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export stored feature rows of a date range, with the actual stat as label, to CSV.")

        @Option(help: "First date, YYYY-MM-DD.")
        var from: String

        @Option(help: "Last date, YYYY-MM-DD (inclusive).")
        var to: String

        @Option(help: "Output CSV file.")
        var out: String

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            LoggingSetup.bootstrap()
            let (first, last) = try DateRange.parse(from: from, to: to)
            let url = URL(fileURLWithPath: out)
            let count = try await storeOptions.withStore { store in
                try await FeatureExporter(store: store).export(from: first, to: last, to: url)
            }
            guard count > 0 else {
                throw ValidationError("no feature rows between \(first) and \(last): run `hoopcast backfill` first")
            }
            Terminal.out("wrote \(count) feature rows to \(out)")
        }
    }
}
