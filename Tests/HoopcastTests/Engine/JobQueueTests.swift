import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

/// The durable queue on both engines: idempotent enqueueing, dependencies, leases, retries, timeouts, rescue.
struct JobQueueTests {
    static let day1 = GameDate("2024-01-08")!, day2 = GameDate("2024-01-09")!

    static func pipeline(_ steps: [ScriptedStep]) throws -> Pipeline { try Pipeline(steps) }

    @Test(arguments: TestEngine.available)
    func enqueueingTwiceQueuesOnceAndDependenciesGateTheOrder(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let clock = ManualClock()
        let queue = JobQueue(store: store, clock: clock)
        let pipeline = try Self.pipeline([
            ScriptedStep("a", previousDateUpstream: ["b"]), ScriptedStep("b", upstream: ["a"]),
        ])
        let plan = JobPlan.specs(pipeline: pipeline, dates: [Self.day2, Self.day1])
        #expect(try await queue.enqueue(plan, correlationID: "c1") == 4)
        #expect(try await queue.enqueue(plan, correlationID: "c2") == 0)  // the same work is never queued twice
        #expect(try await queue.counts() == [.waiting: 3, .queued: 1, .running: 0, .done: 0, .failed: 0])

        let worker = Worker(queue: queue, pipeline: pipeline, name: "w")
        var order: [String] = []
        while let job = try await queue.claim(owner: "w") {
            #expect(job.correlationID == "c1")
            order.append(job.key)
            #expect(try await worker.process(job) == .done(rowsWritten: 0))
        }
        // b waits for a; a of the second date waits for b of the first.
        #expect(order == ["a/2024-01-08", "b/2024-01-08", "a/2024-01-09", "b/2024-01-09"])
        #expect(try await queue.counts()[.done] == 4)
        // --force re-opens finished work.
        #expect(try await queue.enqueue(plan, correlationID: "c3", force: true) == 4)
        #expect(try await queue.counts()[.queued] == 1)
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func transientFailuresAreRetriedWithGrowingJitteredDelaysThenSucceed(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let clock = ManualClock()
        // The draw is the top of its range: delays are then base·3, base·9, … (capped), each inside
        // [base, 3 × previous] as decorrelated jitter requires.
        let queue = JobQueue(
            store: store, clock: clock,
            retry: RetryPolicy(baseDelay: .seconds(2), maxDelay: .seconds(100)), jitter: FixedJitter(1))
        let flaky = ScriptedStep("flaky") { _, attempt, _ in
            guard attempt > 3 else { throw ClassifiedError(.transient, "connection reset (attempt \(attempt))") }
            return StepReport(rowsWritten: 7)
        }
        let pipeline = try Self.pipeline([flaky])
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [Self.day1], maxAttempts: 5), correlationID: "c")
        let worker = Worker(queue: queue, pipeline: pipeline)
        var delays: [Duration] = []
        while true {
            guard let job = try await queue.claim(owner: "w") else {
                // Not runnable before its delay has passed.
                let key = JobSpec.key(step: "flaky", date: Self.day1)
                guard try await queue.status(of: key) == .queued else { break }
                clock.advance(by: delays.last! - .milliseconds(500))
                #expect(try await queue.claim(owner: "w") == nil)
                clock.advance(by: .milliseconds(500))
                continue
            }
            switch try await worker.process(job) {
            case .failed(.retrying(let delay)): delays.append(delay)
            case .done(let rows, _): #expect(rows == 7)
            default: Issue.record("unexpected outcome for attempt \(job.attempt)")
            }
        }
        #expect(delays == [.seconds(6), .seconds(18), .seconds(54)])
        let events = try await queue.events(of: "flaky/2024-01-08").map(\.event)
        #expect(
            events == [
                "queued", "started", "retried", "started", "retried", "started", "retried", "started", "succeeded",
            ])
        #expect(try await queue.counts()[.done] == 1)
        try await store.close()
    }

    @Test func theJitterStaysWithinItsBounds() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30))
        let jitter = SystemJitter()
        var previous: Duration? = nil
        for _ in 0..<200 {
            let delay = policy.delay(after: previous, random: jitter.next())
            #expect(delay >= .seconds(1) && delay <= min(.seconds(30), (previous ?? .seconds(1)) * 3))
            previous = delay
        }
        // capped
        #expect(policy.delay(after: .seconds(20), random: 1) == .seconds(30))
    }

    @Test(arguments: TestEngine.available)
    func aHangingStepTimesOutWhileRunningIsRetriedAndFinallyFails(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let release = Release()
        // Never returns and ignores cancellation (a query stuck on a lock): only the worker's own deadline ends
        // the wait.
        let hang = ScriptedStep("hang", timeout: .milliseconds(300)) { _, _, _ in
            await release.wait()
            return StepReport(rowsWritten: 0)
        }
        defer { release.set() }
        let pipeline = try Self.pipeline([hang, ScriptedStep("after", upstream: ["hang"])])
        let queue = JobQueue(
            store: store, retry: RetryPolicy(baseDelay: .milliseconds(10), maxDelay: .milliseconds(10)))
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [Self.day1], maxAttempts: 2), correlationID: "c")
        try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(20)).run(drain: true)
        #expect(!release.isSet)  // the worker moved on while both attempts still hang
        #expect(hang.attempts.count(Self.day1) == 2)
        let (text, kind) = try await queue.error(of: "hang/2024-01-08")
        #expect(kind == "timeout")
        #expect(text?.contains("exceeded its time limit of 0.3 s") == true && text?.contains("attempt 2 of 2") == true)
        #expect(try await queue.error(of: "after/2024-01-08").kind == "upstream")
        #expect(try await queue.counts() == [.waiting: 0, .queued: 0, .running: 0, .done: 0, .failed: 2])
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func aPermanentErrorFailsAtOnceWithItsReasonAndRetryReopensIt(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let broken = ScriptedStep("broken") { _, attempt, _ in
            guard attempt > 1 else { throw StepFailure("box score 0022300500 has 6 players on a team") }
            return StepReport(rowsWritten: 1)
        }
        let pipeline = try Self.pipeline([broken, ScriptedStep("next", upstream: ["broken"])])
        let queue = JobQueue(store: store)
        try await queue.enqueue(
            JobPlan.specs(pipeline: pipeline, dates: [Self.day1], maxAttempts: 5), correlationID: "c")
        try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(20)).run(drain: true)
        #expect(broken.attempts.count(Self.day1) == 1)  // no retry of a permanent error
        #expect(
            try await queue.error(of: "broken/2024-01-08") == (
                "box score 0022300500 has 6 players on a team", "permanent"
            ))
        #expect(try await queue.status(of: "next/2024-01-08") == .failed)
        // `hoopcast jobs retry`: the job and the dependent it failed run again.
        #expect(try await queue.retryFailed(keys: ["broken/2024-01-08"]) == 2)
        try await Worker(queue: queue, pipeline: pipeline, pollInterval: .milliseconds(20)).run(drain: true)
        #expect(try await queue.counts()[.done] == 2)
        try await store.close()
    }

    @Test(arguments: TestEngine.available)
    func anExpiredLeaseIsRescuedAndTheOldAttemptCannotCommit(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let clock = ManualClock()
        let queue = JobQueue(store: store, clock: clock, lease: .seconds(30))
        // The step's commit writes a marker row; its acknowledgement must land with it or not at all.
        let writer = ScriptedStep("write") { date, attempt, context in
            try await context.commit { db in
                try await db.raw(
                    """
                    INSERT INTO raw_changed_games (game_id, game_date, run_id)
                    VALUES (\(bind: "marker-\(attempt)"), \(bind: date.description), 'test')
                    """
                ).run()
                return 1
            }
            return StepReport(rowsWritten: 1)
        }
        let pipeline = try Self.pipeline([writer])
        try await queue.enqueue(JobPlan.specs(pipeline: pipeline, dates: [Self.day1]), correlationID: "c")
        let stale = try #require(try await queue.claim(owner: "dead-worker"))
        clock.advance(by: .seconds(31))  // no heartbeat: the lease expires
        #expect(try await queue.rescue() == 1)
        #expect(try await queue.error(of: stale.key).kind == "lease")
        let fresh = try #require(try await queue.claim(owner: "live-worker"))
        #expect(fresh.attempt == 2 && fresh.token != stale.token)
        // The dead worker wakes up and tries to finish: its commit is refused and rolled back.
        let worker = Worker(queue: queue, pipeline: pipeline)
        #expect(try await worker.process(stale) == .leaseLost)
        #expect(try await worker.process(fresh) == .done(rowsWritten: 1))
        let markers = try await store.sql.raw("SELECT game_id FROM raw_changed_games ORDER BY game_id").all()
            .map { try $0.decode(column: "game_id", as: String.self) }
        #expect(markers == ["marker-2"])
        #expect(
            try await queue.events(of: stale.key).map(\.event) == [
                "queued", "started", "rescued", "started", "succeeded",
            ])
        try await store.close()
    }

    /// The race a loaded CI run found on PostgreSQL: a rescue reads a running job whose lease expired, the attempt
    /// completes before the rescue writes, and the rescue must then leave the job done (unfenced, it re-queued it and
    /// the job ran twice). The completion's transaction is held open until the rescue is seen waiting on the job's
    /// row lock, so the interleaving is the same on every run.
    @Test(.enabled(if: TestEngine.available.contains(.postgres)))
    func aRescueNeverUndoesACompletionThatLandedAfterItsRead() async throws {
        let store = try await TestEngine.postgres.freshStore()
        let clock = ManualClock()
        let queue = JobQueue(store: store, clock: clock, lease: .seconds(30))
        let pipeline = try Self.pipeline([ScriptedStep("noop")])
        try await queue.enqueue(JobPlan.specs(pipeline: pipeline, dates: [Self.day1]), correlationID: "c")
        let job = try #require(try await queue.claim(owner: "slow-worker"))
        clock.advance(by: .seconds(31))  // the lease expired, but the attempt is still finishing
        let rescue = try await store.transaction { db in
            try await queue.complete(job, rowsWritten: 0, elapsed: .seconds(31), on: db)
            let rescue = Task { try await queue.rescue() }
            var waiting = 0
            for _ in 0..<600 where waiting == 0 {
                try await Task.sleep(for: .milliseconds(50))
                waiting =
                    try await store.sql.raw(
                        """
                        SELECT COUNT(*) AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            try #require(waiting == 1, "the rescue never waited on the job's row lock")
            return rescue
        }
        let rescued = try await rescue.value
        #expect(rescued == 0)
        #expect(try await queue.counts() == [.done: 1, .queued: 0, .waiting: 0, .running: 0, .failed: 0])
        #expect(try await queue.events(of: job.key).map(\.event) == ["queued", "started", "succeeded"])
        try await store.close()
    }

    /// Many workers on one queue: every job runs exactly once.
    @Test(arguments: TestEngine.available)
    func concurrentWorkersNeverShareAJob(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let queue = JobQueue(store: store)
        let noop = ScriptedStep("noop")
        let pipeline = try Self.pipeline([noop])
        let dates = (0..<40).map { Self.day1.adding(days: $0) }
        let specs = dates.map { JobSpec(step: "noop", date: $0) }
        try await queue.enqueue(specs, correlationID: "c")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<3 {
                group.addTask {
                    try await Worker(
                        queue: queue, pipeline: pipeline, name: "w\(index)", concurrency: 2,
                        pollInterval: .milliseconds(20)
                    )
                    .run(drain: true)
                }
            }
            try await group.waitForAll()
        }
        #expect(dates.allSatisfy { noop.attempts.count($0) == 1 })
        let started = try await store.sql.raw("SELECT COUNT(*) AS n FROM ops_pipeline_events WHERE event = 'started'")
            .first()?
            .decode(column: "n", as: Int.self)
        #expect(started == 40)
        #expect(try await queue.counts()[.done] == 40)
        try await store.close()
    }
}
