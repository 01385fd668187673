import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastEngine
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastCLI

/// A failed `error` check blocks its date: the check step stores its results and fails for good in one commit, the
/// date's downstream steps fail naming it, and the job log, `hoopcast check` and `hoopcast status` say which check
/// and where to look. The broken data: Joel Embiid's box score of 2024-01-15 deleted (41 of PHI's 124 points).
struct CheckBlockingTests {
    private static let day = CheckFixture.date
    private static let blockedBy =
        "2024-01-15 blocked by check raw.box_score_completeness (1 of 22 rows failed; first: "
        + "0022300555/PHI: players=10, points_sum=83, score=124); see `hoopcast check --date 2024-01-15`"

    /// The fixture imported at `path` (or in memory) with Embiid's box score of the date deleted.
    private static func brokenStore(at path: String? = nil) async throws -> Store {
        let store = try await CheckFixture.imported(at: path)
        try await store.sql.raw(
            """
            DELETE FROM raw_player_boxscores WHERE game_id = \(bind: CheckFixture.game)
              AND player_id = \(bind: CheckFixture.embiid)
            """
        ).run()
        return store
    }

    @Test func anErrorCheckBlocksTheDatesDownstreamStepsAndTheJobLogSaysWhy() async throws {
        let store = try await Self.brokenStore()
        let pipeline = try CheckFixture.pipeline()
        let outcome = try await PipelineRunner(pipeline: pipeline, store: store).run(date: Self.day, runID: "blocked")
        #expect(!outcome.succeeded)
        let first = try #require(outcome.firstFailure)
        #expect(first.step == "check.raw" && first.error == Self.blockedBy)
        let skipped = outcome.steps.filter { $0.status == .skipped }.map(\.step)
        #expect(skipped.count == pipeline.ordered.count - 1)  // every other step of the date
        for step in outcome.steps where step.status == .skipped {
            #expect(step.error == "upstream failed: \(Self.blockedBy)", "\(step.step)")
        }
        // The job failed for good on its first attempt, with the results it stored as its rows …
        let jobs = try await JobBoard(db: store.sql).jobs(keys: ["check.raw/2024-01-15", "predict.systems/2024-01-15"])
        #expect(jobs["check.raw/2024-01-15"]?.status == .failed && jobs["check.raw/2024-01-15"]?.attempts == 1)
        #expect(jobs["check.raw/2024-01-15"]?.errorKind == "permanent")
        #expect(jobs["predict.systems/2024-01-15"]?.errorKind == "upstream")
        let event = try #require(
            try await store.sql.raw(
                """
                SELECT detail, rows_written FROM ops_pipeline_events
                WHERE job_key = 'check.raw/2024-01-15' AND event = 'failed'
                """
            ).first())
        #expect(try event.decode(column: "detail", as: String.self) == "permanent: \(Self.blockedBy)")
        #expect(try event.decode(column: "rows_written", as: Int.self) == RawChecks.definitions.count)
        // … which say why, with the failing row.
        let stored = try await CheckResultReader(db: store.sql).results(on: Self.day)
        #expect(stored.count == RawChecks.definitions.count && stored.allSatisfy { $0.runID == "blocked" })
        let completeness = try #require(stored.first { $0.result.definition.name == "raw.box_score_completeness" })
        #expect(completeness.result.status == .failed && completeness.step == "check.raw")
        #expect(
            completeness.result.sample == [
                FailingRow(key: "0022300555/PHI", values: ["players": "10", "points_sum": "83", "score": "124"])
            ])
        try await store.close()
    }

    /// An attempt that lost its lease stores nothing and fails nothing: its results roll back with the refused
    /// failure, and the attempt holding the lease blocks the date.
    @Test func aBlockingAttemptThatLostItsLeaseWritesNothing() async throws {
        let store = try await Self.brokenStore()
        let pipeline = try CheckFixture.pipeline()
        let clock = ManualClock()
        let queue = JobQueue(store: store, clock: clock, lease: .seconds(30))
        try await queue.enqueue(JobPlan.specs(pipeline: pipeline, dates: [Self.day]), correlationID: "lease")
        let stale = try #require(try await queue.claim(owner: "dead-worker"))
        #expect(stale.step == "check.raw")
        clock.advance(by: .seconds(31))
        #expect(try await queue.rescue() == 1)
        let fresh = try #require(try await queue.claim(owner: "live-worker"))
        let worker = Worker(queue: queue, pipeline: pipeline)
        #expect(try await worker.process(stale) == .leaseLost)
        #expect(try await CheckResultReader(db: store.sql).results(on: Self.day).isEmpty)
        #expect(try await worker.process(fresh) == .failed(.failed(dependents: pipeline.ordered.count - 1)))
        #expect(try await CheckResultReader(db: store.sql).results(on: Self.day).count == RawChecks.definitions.count)
        try await store.close()
    }

    /// `hoopcast check --date D --json` and `hoopcast status --json` on the blocked date.
    @Test func checkAndStatusShowTheBlockedDateAsJSON() async throws {
        let directory = Scratch.root.appendingPathComponent("hoopcast-check-\(UUID())")
        let path = directory.appendingPathComponent("h.sqlite").path
        let store = try await Self.brokenStore(at: path)
        _ = try await PipelineRunner(pipeline: try CheckFixture.pipeline(), store: store)
            .run(date: Self.day, runID: "blocked")
        try await store.close()

        let run = try CommandLineRun.run(["check", "--date", "2024-01-15", "--json", "--store", "sqlite:\(path)"])
        #expect(run.status == 1, "\(run.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(Set(report.keys) == ["date", "run_id", "blocked", "checks", "jobs"])
        #expect(report["date"] as? String == "2024-01-15" && report["blocked"] as? Bool == true)
        #expect((report["run_id"] as? String)?.hasPrefix("check-") == true)
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.compactMap { $0["name"] as? String } == CheckCatalogue.all.map(\.name))
        for check in checks {
            #expect(
                Set(check.keys) == [
                    "name", "layer", "severity", "status", "checked", "failed", "summary", "compares", "threshold",
                    "sample",
                ])
        }
        let completeness = try #require(checks.first { $0["name"] as? String == "raw.box_score_completeness" })
        #expect(completeness["status"] as? String == "failed" && completeness["severity"] as? String == "error")
        #expect(completeness["checked"] as? Int == 22 && completeness["failed"] as? Int == 1)
        let sample = try #require(completeness["sample"] as? [[String: Any]])
        try #require(sample.count == 1)
        #expect(sample[0]["key"] as? String == "0022300555/PHI")
        #expect(
            sample[0]["values"] as? [String: String] == ["players": "10", "points_sum": "83", "score": "124"])
        let jobs = try #require(report["jobs"] as? [[String: Any]])
        try #require(
            jobs.compactMap { $0["key"] as? String } == [
                "check.raw/2024-01-15", "check.features/2024-01-15", "check.predictions/2024-01-15",
            ])
        #expect(jobs[0]["status"] as? String == "failed" && jobs[0]["error"] as? String == Self.blockedBy)
        #expect((jobs[1]["error"] as? String)?.hasPrefix("upstream failed: 2024-01-15 blocked by check") == true)

        let status = try CommandLineRun.run(["status", "--json", "--store", "sqlite:\(path)"])
        #expect(status.status == 0, "\(status.stderr)")
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], "\(status.stdout)")
        let dates = try #require(parsed["checks"] as? [[String: Any]])
        try #require(dates.count == 1)
        #expect(dates[0]["date"] as? String == "2024-01-15")
        #expect(dates[0]["blocked_by"] as? [String] == ["raw.box_score_completeness"])
        #expect(dates[0]["warnings"] is [String])
        let text = try CommandLineRun.run(["status", "--store", "sqlite:\(path)"])
        #expect(text.stdout.contains("2024-01-15  raw.box_score_completeness"), "\(text.stdout)")
    }
}
