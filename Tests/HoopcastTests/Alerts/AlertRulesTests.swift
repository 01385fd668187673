import HoopcastChecks
import HoopcastCore
import HoopcastLive
import Testing

@testable import HoopcastAlerts
@testable import HoopcastEngine

/// The triggers on hand-made inputs: each fires exactly when its condition holds, with a stable key.
@Suite struct AlertRulesTests {
    /// 2024-01-15 23:30 UTC = 18:30 ET (EST, UTC−5).
    static let evening = WallInstant(iso8601: "2024-01-15T23:30:00Z")!
    static let date = GameDate("2024-01-15")!

    static func inputs(
        now: WallInstant = evening, failedJobs: [JobBoard.JobSummary] = [],
        checks: [GameDate: [StoredCheckResult]] = [:], sources: [SourceHealth] = [],
        games: Int = 0, predictions: Int = 0
    ) -> AlertInputs {
        AlertInputs(
            now: now, failedJobs: failedJobs, checks: checks, sources: sources,
            today: (EasternTime.wallClock(of: now.date).date, games, predictions))
    }

    static func stored(_ name: String, status: CheckStatus) throws -> StoredCheckResult {
        let definition = try #require(CheckCatalogue.all.first { $0.name == name })
        let result = CheckResult(
            definition, status: status, checked: 10,
            failures: status == .failed ? [FailingRow(key: "0022300555", values: ["points": "41"])] : [],
            summary: "what \(name) found")
        return try StoredCheckResult(
            date: date, runID: "r1", step: "check.test", result: result, checkedAt: evening.description)
    }

    @Test func aFailedJobIsCriticalAndSaysHowToRetry() {
        let job = JobBoard.JobSummary(
            key: "2024-01-15/predict", status: .failed, attempts: 3, maxAttempts: 3, errorKind: "transient",
            lastError: "database is locked")
        let alerts = AlertRules.evaluate(Self.inputs(failedJobs: [job]), policy: AlertPolicy())
        #expect(alerts.map(\.key) == ["job.failed:2024-01-15/predict"])
        #expect(alerts.first?.severity == .critical)
        #expect(alerts.first?.detail.contains("3 of 3 attempts (transient: database is locked)") == true)
        #expect(alerts.first?.detail.contains("hoopcast jobs retry 2024-01-15/predict") == true)
    }

    @Test func checksAlertByTheirSeverityAndModelHealthHasItsOwnKey() throws {
        let errorCheck = try #require(CheckCatalogue.all.first { $0.severity == .error }).name
        let warnCheck = try #require(
            CheckCatalogue.all.first { $0.severity == .warn && $0.name != AlertRules.modelHealthCheck }
        ).name
        let checks = [
            Self.date: [
                try Self.stored(errorCheck, status: .failed), try Self.stored(warnCheck, status: .failed),
                try Self.stored(AlertRules.modelHealthCheck, status: .failed),
            ]
        ]
        let alerts = AlertRules.evaluate(Self.inputs(checks: checks), policy: AlertPolicy())
        let byKey = Dictionary(uniqueKeysWithValues: alerts.map { ($0.key, $0) })
        #expect(byKey["check.error:2024-01-15:\(errorCheck)"]?.severity == .critical)
        #expect(byKey["check.error:2024-01-15:\(errorCheck)"]?.title.contains("blocked") == true)
        #expect(byKey["check.warn:2024-01-15:\(warnCheck)"]?.severity == .warning)
        #expect(byKey["model.health:2024-01-15"]?.severity == .warning)
        #expect(byKey["check.error:2024-01-15:\(errorCheck)"]?.detail.contains("0022300555") == true)
        #expect(alerts.count == 3)
        // Passed and not-judged checks are not alerts.
        let quiet = [
            Self.date: [try Self.stored(errorCheck, status: .passed), try Self.stored(warnCheck, status: .notJudged)]
        ]
        #expect(AlertRules.evaluate(Self.inputs(checks: quiet), policy: AlertPolicy()).isEmpty)
    }

    @Test func aSourceIsDownOnlyOnceItHasFailedForTheWholeThreshold() {
        let since = Self.evening - .seconds(30 * 60)
        let failing = SourceHealth(
            source: "odds_api", lastAttempt: Self.evening, lastSuccess: since - .seconds(3600), failingSince: since,
            failures: 4, lastError: "odds_api.events [fetch]: HTTP 503")
        let policy = AlertPolicy(sourceDownAfter: .seconds(30 * 60))
        #expect(
            AlertRules.evaluate(Self.inputs(sources: [failing]), policy: policy).map(\.key) == ["source.down:odds_api"])
        let notYet = Self.inputs(now: Self.evening - .seconds(1), sources: [failing])
        #expect(AlertRules.evaluate(notYet, policy: policy).isEmpty)
        var working = failing
        working.failingSince = nil
        #expect(AlertRules.evaluate(Self.inputs(sources: [working]), policy: policy).isEmpty)
    }

    @Test func missingPredictionsAlertAfterTheirDueTimeOnGameDaysOnly() {
        let policy = AlertPolicy(predictionsDue: WallTime(hour: 18, minute: 0)!)
        // 18:30 ET, 7 games, none predicted.
        #expect(
            AlertRules.evaluate(Self.inputs(games: 7, predictions: 0), policy: policy).map(\.key) == [
                "predictions.missing:2024-01-15"
            ])
        // 17:59 ET: not yet due.
        let early = Self.inputs(now: WallInstant(iso8601: "2024-01-15T22:59:00Z")!, games: 7, predictions: 0)
        #expect(AlertRules.evaluate(early, policy: policy).isEmpty)
        #expect(AlertRules.evaluate(Self.inputs(games: 7, predictions: 1), policy: policy).isEmpty)
        #expect(AlertRules.evaluate(Self.inputs(games: 0, predictions: 0), policy: policy).isEmpty)
    }
}

/// The alerts' inputs as read from a store: every failed job, however many (an alert whose job is left out of the
/// list would be resolved while the job is still failed).
@Suite struct AlertInputsReadingTests {
    @Test func everyFailedJobIsRead() async throws {
        let store = try await TestStore.fresh()
        let queue = JobQueue(store: store)
        let specs = (0..<60).map { JobSpec(step: "step-\($0)", date: GameDate("2024-01-15")!, maxAttempts: 1) }
        try await queue.enqueue(specs, correlationID: "many-failed")
        for spec in specs {
            let job = try #require(try await queue.claim(owner: "alerts-test", steps: [spec.step]))
            _ = try await store.transaction { db in
                try await queue.fail(job, permanently: "down", rowsWritten: 0, elapsed: .zero, on: db)
            }
        }
        let inputs = try await AlertInputs.read(
            from: store, at: WallInstant(iso8601: "2024-01-15T23:30:00Z")!, policy: AlertPolicy())
        #expect(Set(inputs.failedJobs.map(\.key)) == Set(specs.map(\.key)))
        let alerts = AlertRules.evaluate(inputs, policy: AlertPolicy())
        #expect(alerts.filter { $0.key.hasPrefix("job.failed:") }.count == 60)
        try await store.close()
    }
}
