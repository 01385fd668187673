import ArgumentParser
import HoopcastCLI

/// The `hoopcast` executable: the command tree lives in HoopcastCLI.
@main
struct Hoopcast: AsyncParsableCommand {
    static let configuration = HoopcastCommand.configuration
}
