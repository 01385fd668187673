import Foundation
import HoopcastStore
import Testing

/// Opening an SQLite store that is not a usable database gives a clear error and exit 1, every time: before the fix
/// the store's deinit closed an already closed SQLiteNIO connection, which crashed (exit 139) in 3–5 of 8 runs.
struct UnusableStoreTests {
    /// A directory holding one file of each unusable kind.
    private static func unusableFiles() throws -> [(kind: String, path: String, expected: String)] {
        let directory = Scratch.root.appendingPathComponent(
            "hoopcast-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = directory.appendingPathComponent("x.txt")
        try Data("hello".utf8).write(to: text)
        // The first 100 bytes of a real database: a valid header, but the pages it announces are missing.
        let real = directory.appendingPathComponent("real.sqlite")
        try Self.makeDatabase(at: real)
        let truncated = directory.appendingPathComponent("truncated.sqlite")
        try Data(try Data(contentsOf: real).prefix(100)).write(to: truncated)
        // A real database whose schema page is overwritten with noise.
        var bytes = [UInt8](try Data(contentsOf: real))
        for index in 100..<min(bytes.count, 4096) { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        let corrupt = directory.appendingPathComponent("corrupt.sqlite")
        try Data(bytes).write(to: corrupt)
        return [
            ("text", text.path, "is not an SQLite database"),
            ("truncated", truncated.path, "sqlite:\(truncated.path)"),
            ("corrupt", corrupt.path, "sqlite:\(corrupt.path)"),
            ("proc", "/proc/hoopcast-\(UUID().uuidString)/h.sqlite", "/proc/"),
            ("directory", directory.path, "cannot be opened"),
        ]
    }

    private static func makeDatabase(at url: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute('create table t (a integer, b text)')
            c.executemany('insert into t values (?, ?)', [(i, 'x' * 200) for i in range(2000)]); c.commit()
            """, url.path,
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 could not make a database")
    }

    /// In this process: 50 opens of every kind, each a ``StoreError`` naming the file (a crash ends the test run).
    @Test func openingAnUnusableStoreThrowsEveryTime() async throws {
        for file in try Self.unusableFiles() {
            for _ in 0..<50 {
                do {
                    let store = try await Store.open(.sqlite(path: file.path))
                    try await store.close()
                    Issue.record("\(file.kind): opened")
                } catch let error as StoreError {
                    #expect(error.code == .openFailed || error.code == .migrationFailed, "\(file.kind): \(error)")
                    #expect(error.description.contains(file.expected), "\(file.kind): \(error)")
                }
            }
        }
    }

    /// The released command line: `hoopcast status --store sqlite:FILE` exits 1 with one clear line, 50 times.
    @Test func statusOnATextFileExitsOneEveryTime() throws {
        let files = try Self.unusableFiles()
        for file in files {
            let runs = file.kind == "text" ? 50 : 8
            for _ in 0..<runs {
                let run = try CommandLineRun.run(["status", "--store", "sqlite:\(file.path)"])
                #expect(run.status == 1, "\(file.kind): exit \(run.status): \(run.stderr)")
                #expect(run.stderr.contains(file.expected), "\(file.kind): \(run.stderr)")
                #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"), "\(run.stderr)")
            }
        }
    }
}
