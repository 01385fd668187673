import ArgumentParser
import HoopcastAnalytics
import HoopcastCore

/// `hoopcast features …`: the feature store.
struct FeaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "The feature store (phase 4).",
        subcommands: [Docs.self]
    )

    /// `hoopcast features docs`: prints the feature catalogue (the content of docs/features.md).
    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the feature catalogue as Markdown.")

        func run() async throws {
            print(Feature.markdown, terminator: "")
        }
    }
}
