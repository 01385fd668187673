import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastIngest
import HoopcastModels
import HoopcastStore
import Synchronization
import Testing

@testable import HoopcastCLI

/// A command that cannot finish says why: which process holds the date's jobs, whose lease it waits for, what
/// could not be written.
struct SayWhyTests {
    private static let day = GameDate("2024-01-16")!

    private static func importedStore() async throws -> Store {
        let directory = Scratch.root.appendingPathComponent(
            "hoopcast-why-\(UUID().uuidString)")
        let store = try await Store.open(.sqlite(path: directory.appendingPathComponent("h.sqlite").path))
        try await TestStore.importDirectory(TestStore.fixture, into: store)
        return store
    }

    private static func registry() throws -> ModelRegistry { try ModelRegistry(directory: TestPaths.repo("models")) }

    /// Two `run`s racing on one store: the loser's steps name the run and the worker that hold them (it printed
    /// "did not finish" six times and nothing else).
    @Test func aRunWhoseJobsAnotherProcessHoldsNamesThatProcess() async throws {
        let store = try await Self.importedStore()
        let pipeline = try DailyPipeline.make(registry: try Self.registry())
        let queue = JobQueue(store: store)
        try await queue.enqueue(JobPlan.specs(pipeline: pipeline, dates: [Self.day]), correlationID: "run-first")
        let held = try #require(try await queue.claim(owner: "otherhost-4242-ab"))

        let outcome = try await RunWorkflow(store: store, registry: try Self.registry()).run(date: Self.day)
        #expect(!outcome.succeeded)
        #expect(outcome.steps.count == pipeline.ordered.count)
        for step in outcome.steps {
            #expect(step.status == .running)
            #expect(
                step.error?.contains("another process has it") == true && step.error?.contains("run run-first") == true,
                "\(step.step): \(step.error ?? "")")
        }
        let heldStep = try #require(outcome.steps.first { $0.step == held.step })
        #expect(heldStep.error?.contains("held by worker otherhost-4242-ab until ") == true, "\(heldStep.error ?? "")")
        try await store.close()
    }

    /// A resumed backfill that waits for a dead worker's lease says whose lease and until when, then runs the job
    /// once it is rescued.
    @Test func aBackfillWaitingForADeadWorkersLeaseSaysSo() async throws {
        let store = try await Self.importedStore()
        let pipeline = try DailyPipeline.make(registry: try Self.registry())
        // A lease long enough to be seen however loaded the machine is, and a short quiet period before the
        // backfill explains (3 s by default): the notice must come while the dead worker's lease still holds.
        let deadQueue = JobQueue(store: store, lease: .seconds(15))
        try await deadQueue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [Self.day]), correlationID: "backfill-dead")
        let held = try #require(try await deadQueue.claim(owner: "deadhost-1-ff"))  // then never heard from again

        let notices = Mutex<[[HeldLease]]>([])
        let outcome = try await Backfill(pipeline: pipeline, store: store, calendar: RawReader(db: store.sql)).run(
            from: Self.day, to: Self.day, force: false, quiet: .milliseconds(500),
            waiting: { leases in notices.withLock { $0.append(leases) } })
        #expect(outcome.ran == [Self.day])
        let first = try #require(notices.withLock { $0.first })
        #expect(first.map(\.jobKey) == [held.key])
        #expect(first.first?.owner == "deadhost-1-ff")
        #expect(first.first?.correlationID == "backfill-dead")
        try await store.close()
    }

    /// `export --out` to a place that cannot be written names the path and the system's reason, not a Foundation
    /// error dump.
    @Test func exportToAnUnwritablePathSaysWhatAndWhy() async throws {
        let directory = Scratch.root.appendingPathComponent(
            "hoopcast-why-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("h.sqlite").path
        try await Store.withOpen(.sqlite(path: path)) { store in
            try await TestStore.importDirectory(TestStore.fixture, into: store)
            let outcome = try await RunWorkflow(store: store, registry: try Self.registry()).run(date: Self.day)
            #expect(outcome.succeeded)
        }
        let run = try CommandLineRun.run([
            "export", "--date", Self.day.description, "--out", "/proc/hoopcast-x",
            "--store", "sqlite:\(path)",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write the output directory /proc/hoopcast-x: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Domain") && !run.stderr.contains("UserInfo"), "\(run.stderr)")
    }

    /// The reason is the operating system's, also when Foundation wraps it.
    @Test func aWrappedPOSIXReasonIsUnwrapped() {
        let error = OutputWriteError(
            path: "/x/y", what: "file",
            error: CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOENT))
                ]))
        #expect(error.description == "cannot write the file /x/y: No such file or directory")
    }
}
