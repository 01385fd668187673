import Foundation
import HoopcastCore
import HoopcastEngine
import HoopcastLive
import HoopcastStore
import SQLKit
import Testing

/// `hoopcast schedule`'s loop on a store holding 2025-03-15's schedule as a morning ingest writes it (the real
/// 2024-25 schedule capture: 8 games, the last tip-off DEN–WAS at 2025-03-16T01:00Z, 21:00 EDT), with a virtual
/// clock that each wait moves forward.
@Suite struct IngestSchedulerTests {
    static let date = GameDate("2025-03-15")!

    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    /// A store after the morning ingest of 2025-03-15 (schedule only).
    static func scheduledStore() async throws -> Store {
        let routes = StubRoutes()
        routes.on(
            "/static/json/staticData/scheduleLeagueV2.json",
            StubRoutes.json(try LiveFixtures.bytes("nbac_schedule_api/raw_80cb1fd6.json.gz")))
        let harness = try await LiveIngestTests.Harness.start(routes)
        let report = try await harness.ingestor().run(
            date: date, phase: .morning, sources: ["nba_cdn"], runID: "morning")
        #expect(!report.failed && report.scheduledGames == 8)
        try await harness.stop()
        return harness.store
    }

    static func jobKeys(_ store: Store) async throws -> [String] {
        try await store.sql.raw("SELECT job_key FROM ops_jobs ORDER BY job_key").all()
            .map { try $0.decode(column: "job_key", as: String.self) }
    }

    @Test func tipoffsComeFromTheScheduleAndDueSlotsAreQueuedOnce() async throws {
        let store = try await IngestSchedulerTests.scheduledStore()
        let scheduler = IngestScheduler(schedule: IngestSchedule(), queue: JobQueue(store: store))
        let tipoffs = try await scheduler.lastTipoffs([GameDate("2025-03-14")!, IngestSchedulerTests.date])
        #expect(tipoffs == [IngestSchedulerTests.date: IngestSchedulerTests.utc("2025-03-16T01:00:00Z")])
        let window = (
            IngestSchedulerTests.utc("2025-03-15T12:00:00Z"), IngestSchedulerTests.utc("2025-03-15T18:30:00Z")
        )
        let first = try await scheduler.enqueueDue(after: window.0, through: window.1)
        #expect(
            first.slots.map(\.description) == [
                "morning 2025-03-15 at 2025-03-15T13:00:00Z", "pretip 2025-03-15 at 2025-03-15T16:00:00Z",
                "pretip 2025-03-15 at 2025-03-15T17:00:00Z", "pretip 2025-03-15 at 2025-03-15T18:00:00Z",
            ])
        #expect(first.queued == 4)
        // A restarted scheduler catching up over the same window queues nothing twice.
        let again = try await scheduler.enqueueDue(after: window.0, through: window.1)
        #expect(again.slots.count == 4 && again.queued == 0)
        #expect(try await IngestSchedulerTests.jobKeys(store).count == 4)
    }

    @Test func theLoopQueuesEverySlotOfTheDayAndSleepsUntilTheNextAtMostAPollApart() async throws {
        let store = try await IngestSchedulerTests.scheduledStore()
        let clock = ManualClock(
            now: WallInstant(IngestSchedulerTests.utc("2025-03-15T12:30:00Z")), sleeping: .advancesTheClock)
        let scheduler = IngestScheduler(schedule: IngestSchedule(), queue: JobQueue(store: store, clock: clock))
        let stop = WallInstant(IngestSchedulerTests.utc("2025-03-16T08:00:00Z"))
        try await scheduler.run(catchUp: .zero, poll: .seconds(3600), shouldStop: { clock.now >= stop })
        // 12:30 → 13:00 (the morning), then an hour at most each time until 08:00Z the next day.
        #expect(clock.sleeps == [.seconds(1800)] + Array(repeating: .seconds(3600), count: 19))
        let pretips = (16...24).map { hour in
            #"ingest.pretip/2025-03-15/{"slot":"2025-03-\#(hour < 24 ? 15 : 16)T\#(String(format: "%02d", hour % 24)):00:00Z"}"#
        }
        #expect(
            try await IngestSchedulerTests.jobKeys(store)
                == ([
                    #"ingest.morning/2025-03-15/{"slot":"2025-03-15T13:00:00Z"}"#,
                    #"ingest.overnight/2025-03-15/{"slot":"2025-03-16T07:00:00Z"}"#,
                ] + pretips).sorted())
    }
}
