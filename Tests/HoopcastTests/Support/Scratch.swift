import Foundation

/// Where tests put their temporary files and directories: one directory per test process
/// (`$TMPDIR/hoopcast-tests-<pid>`), removed when the process exits, so that a run leaves nothing behind. (Each test
/// used to create its own directory under `$TMPDIR` and none removed it: ~700 a run.)
enum Scratch {
    /// The process's scratch directory; created on first use, after removing a leftover of an earlier process that
    /// had the same id and did not exit normally.
    static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hoopcast-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the tests' scratch directory \(root.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()
}
