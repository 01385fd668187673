import Foundation
import Testing

/// A binary copied out of the repository found neither the demo data nor the model registry. `hoopcast install`
/// puts both beside it, and the installed binary works from any directory.
struct InstalledBinaryTests {
    @Test func anInstalledBinaryRunsTheDemoAndADateFromAnyDirectory() throws {
        let root = Scratch.root.appendingPathComponent(
            "hoopcast-install-\(UUID().uuidString)")
        let prefix = root.appendingPathComponent("prefix"), elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        // Before: the binary alone, copied out, run from an unrelated directory.
        let bare = root.appendingPathComponent("bare/hoopcast")
        try FileManager.default.createDirectory(at: bare.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try WorkerProcess.binary(), to: bare)
        let lost = try CommandLineRun.run(
            ["demo", "--store", "sqlite:\(elsewhere.path)/bare.sqlite"],
            executable: bare, in: elsewhere)
        #expect(lost.status == 64)  // ArgumentParser's usage error: pass --data
        #expect(
            lost.stderr.contains("cannot find the demo data") && lost.stderr.contains("hoopcast install"),
            "\(lost.stderr)")

        let install = try CommandLineRun.run(["install", "--prefix", prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/hoopcast")
        for relative in ["share/hoopcast/data/demo/games.csv.gz", "share/hoopcast/models/points"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(relative).path), "\(relative)")
        }

        // The installed binary, from elsewhere: the demo (one date) and a `run` that needs the model registry.
        let store = "sqlite:\(elsewhere.path)/demo.sqlite"
        let demo = try CommandLineRun.run(
            ["demo", "--from", "2024-01-15", "--date", "2024-01-15", "--store", store],
            executable: installed, in: elsewhere)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("2024-01-15"))
        let run = try CommandLineRun.run(
            ["run", "--date", "2024-01-16", "--store", store],
            executable: installed, in: elsewhere)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("predict.systems"), "\(run.stdout)")
    }
}
