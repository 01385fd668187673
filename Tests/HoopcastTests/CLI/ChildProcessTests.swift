import Foundation
import Testing

@testable import HoopcastCLI

/// External processes: exit status and output are captured; a child that outlives its limit is stopped.
struct ChildProcessTests {
    @Test func capturesStatusAndBothStreams() async throws {
        let result = try await ChildProcess(executable: "sh", arguments: ["-c", "echo out; echo err >&2; exit 3"])
            .run(timeout: .seconds(60))
        #expect(result.status == 3 && result.signal == nil)
        #expect(result.standardOutput == "out\n")
        #expect(result.standardError == "err\n")
    }

    @Test func stopsAChildThatOutlivesItsLimit() async throws {
        do {
            _ = try await ChildProcess(executable: "sleep", arguments: ["600"]).run(timeout: .milliseconds(200))
            Issue.record("sleep 600 finished within 0.2 s")
        } catch {
            #expect(error.code == .timedOut)
            // SIGTERM suffices: the child must not inherit the concurrency pool's blocked signal mask.
            #expect(error.signal == SIGTERM, "\(error)")
        }
    }

    @Test func unknownExecutableIsNotFound() async {
        await #expect {
            try await ChildProcess(executable: "hoopcast-no-such-program", arguments: []).run(timeout: .seconds(5))
        } throws: { error in
            (error as? ChildProcessError)?.code == .notFound
        }
    }
}
