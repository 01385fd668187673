import ArgumentParser
import Foundation
import Testing
@testable import HoopcastCLI

/// The commands' exit behaviour, driven through the real argument parser.
struct CommandExitTests {
    private func storeSpec() -> String {
        "sqlite:" + FileManager.default.temporaryDirectory
            .appendingPathComponent("hoopcast-cli-\(UUID().uuidString)/h.sqlite").path
    }

    private func run(_ arguments: [String]) async throws {
        var command = try HoopcastCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    @Test func importExitsNonZeroWhenARowIsRejected() async throws {
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(of: "2024-01-15,PHI,HOU,124,115", with: "2024-01-15,PHI,HOU,-124,115")
        }
        do {
            try await run(["import", edited.path, "--json", "--store", storeSpec()])
            Issue.record("import with a rejected row must fail")
        } catch let exit as ExitCode {
            #expect(exit == ExitCode(1))
        }
    }

    @Test func cleanImportThenRunSucceed() async throws {
        let store = storeSpec()
        try await run(["import", TestStore.fixture.path, "--json", "--store", store])
        try await run(["run", "--date", "2024-01-16", "--store", store])
    }

    @Test func runOnADateWithoutGamesExitsNonZero() async throws {
        let store = storeSpec()
        try await run(["import", TestStore.fixture.path, "--json", "--store", store])
        await #expect(throws: ExitCode.self) { try await run(["run", "--date", "2023-12-24", "--store", store]) }
    }
}
