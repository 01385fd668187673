import ArgumentParser
import Foundation

/// Finds what ships with the binary — the demo dataset and the committed models — wherever the binary runs from.
///
/// Looked up, in order: the current directory (`./data/demo`, `./models`); the installed layout that
/// `hoopcast install --prefix P` writes (`P/bin/hoopcast` beside `P/share/hoopcast/…`); and the repository a binary
/// was built in (`.build/<config>/hoopcast` → `../../…`).
enum BundledResources {
    /// The dataset `hoopcast demo` imports.
    static let demoData = "data/demo"
    /// The CatBoost model registry.
    static let models = "models"
    /// Where an installed binary finds its resources, relative to the prefix.
    static let sharePath = "share/hoopcast"

    /// The running executable, symlinks resolved (`/proc/self/exe` on Linux, else `argv[0]`).
    static var executable: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path) {
            return URL(fileURLWithPath: target)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    /// Every place `relative` is looked for, in order.
    static func candidates(_ relative: String) -> [URL] {
        var candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative)
        ]
        let binDirectory = executable.deletingLastPathComponent()
        candidates.append(
            binDirectory.deletingLastPathComponent().appendingPathComponent(sharePath)
                .appendingPathComponent(relative))
        var ancestor = binDirectory
        for _ in 0..<3 {
            ancestor = ancestor.deletingLastPathComponent()
            candidates.append(ancestor.appendingPathComponent(relative))
        }
        return candidates
    }

    /// The first existing location of `relative`; a `ValidationError` listing where it looked otherwise.
    static func locate(_ relative: String, what: String, override flag: String) throws -> URL {
        let candidates = candidates(relative)
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw ValidationError(
            "cannot find \(what) (looked in \(candidates.map(\.path).joined(separator: ", "))); "
                + "pass \(flag), or install the binary with `hoopcast install --prefix DIR`")
    }
}
