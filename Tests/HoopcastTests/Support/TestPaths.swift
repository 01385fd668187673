import Foundation

/// Locates files of the repository from tests, independent of the working directory.
enum TestPaths {
    /// The repository root (two levels above `Tests/HoopcastTests`).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // HoopcastTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A path relative to the repository root.
    static func repo(_ relative: String) -> URL { repoRoot.appendingPathComponent(relative) }
}
