import ArgumentParser
import Foundation

/// `hoopcast install --prefix DIR`: puts this binary, the demo dataset and the committed models where an installed
/// binary finds them (`DIR/bin/hoopcast`, `DIR/share/hoopcast/data/demo`, `DIR/share/hoopcast/models`), so that
/// `demo` and `run` work from any directory.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install this binary with the demo data and the committed models under a prefix (e.g. ~/.local).",
        discussion: """
            Copies the running binary to PREFIX/bin/hoopcast and the demo dataset and model registry to \
            PREFIX/share/hoopcast/, replacing an earlier installation. The installed binary finds them there from \
            any working directory; --data and --models (or HOOPCAST_MODELS) still override.
            """
    )

    @Option(help: "The installation prefix; the binary goes to PREFIX/bin.")
    var prefix: String

    func run() throws {
        let prefixURL = URL(fileURLWithPath: prefix, isDirectory: true).standardizedFileURL
        let share = prefixURL.appendingPathComponent(BundledResources.sharePath)
        let items: [(source: URL, target: URL)] = [
            (BundledResources.executable, prefixURL.appendingPathComponent("bin/hoopcast")),
            (
                try BundledResources.locate(BundledResources.demoData, what: "the demo data", override: "--data DIR"),
                share.appendingPathComponent(BundledResources.demoData)
            ),
            (
                try BundledResources.locate(
                    BundledResources.models, what: "the model registry", override: "--models DIR"),
                share.appendingPathComponent(BundledResources.models)
            ),
        ]
        for item in items {
            try InstallCommand.copy(item.source, to: item.target)
            Terminal.out("installed \(item.target.path)")
        }
    }

    /// Copies `source` (a file or a directory) to `target` through a temporary sibling moved into place, so an
    /// interrupted copy never leaves half a directory under the target's name.
    static func copy(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        guard source.standardizedFileURL.path != target.standardizedFileURL.path else { return }
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).installing-\(UUID().uuidString)")
        try OutputWriteError.attempt(target.deletingLastPathComponent().path, what: "directory") {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source, to: staging)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: staging, to: target)
        }
    }
}
