import Foundation
import HoopcastCore
import HoopcastLive
import Testing

/// The long-running schedule, pure. Expected instants are worked out by hand from the US rules (EST = UTC−5, EDT =
/// UTC−4; daylight time from 2:00 on the second Sunday of March to 2:00 on the first Sunday of November: 2025-03-09
/// 07:00Z and 2024-11-03 06:00Z), and the Eastern clock is checked against Foundation's America/New_York zone.
/// Tip-offs are the real schedule's (`nbac_schedule_api/raw_80cb1fd6.json.gz`, read with Python).
@Suite struct IngestScheduleTests {
    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }
    static func times(_ slots: [ScheduleSlot]) -> [String] { slots.map { "\($0.phase.rawValue) \($0.instant)" } }
    static let schedule = IngestSchedule()

    @Test func easternWallClockTimesBecomeUTCInstantsAcrossBothDSTChanges() {
        func at(_ date: String, _ time: String) -> String {
            LiveIngestor.iso(EasternTime.instant(on: GameDate(date)!, at: WallTime(time)!).timeIntervalSince1970)
        }
        #expect(at("2025-01-15", "09:00") == "2025-01-15T14:00:00Z")  // EST
        #expect(at("2025-07-01", "09:00") == "2025-07-01T13:00:00Z")  // EDT
        // Spring forward, 2025-03-09: 01:59 is still EST, 02:00–02:59 do not exist, 03:00 is EDT.
        #expect(at("2025-03-09", "01:59") == "2025-03-09T06:59:00Z")
        #expect(at("2025-03-09", "02:30") == "2025-03-09T07:30:00Z")  // read as EST: 03:30 EDT
        #expect(at("2025-03-09", "03:00") == "2025-03-09T07:00:00Z")
        // Fall back, 2024-11-03: 01:00–01:59 happen twice (the first, EDT, is taken); 02:00 is EST.
        #expect(at("2024-11-03", "00:59") == "2024-11-03T04:59:00Z")
        #expect(at("2024-11-03", "01:30") == "2024-11-03T05:30:00Z")
        #expect(at("2024-11-03", "02:00") == "2024-11-03T07:00:00Z")
        #expect(at("2024-11-03", "03:00") == "2024-11-03T08:00:00Z")
        let second = EasternTime.wallClock(of: IngestScheduleTests.utc("2024-11-03T06:30:00Z"))
        #expect(second.date == GameDate("2024-11-03")! && second.time == WallTime("01:30")!)
        let lateGame = EasternTime.wallClock(of: IngestScheduleTests.utc("2025-01-16T04:59:00Z"))
        #expect(lateGame.date == GameDate("2025-01-15")! && lateGame.time == WallTime("23:59")!)
    }

    /// Every half hour of 2024 through 2026 against Foundation's time-zone database.
    @Test func theEasternClockAgreesWithTheTimeZoneDatabase() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var instant = IngestScheduleTests.utc("2024-01-01T00:00:00Z")
        let end = IngestScheduleTests.utc("2027-01-01T00:00:00Z")
        var checked = 0
        while instant < end {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            let (date, time) = EasternTime.wallClock(of: instant)
            #expect(
                date == GameDate(year: parts.year!, month: parts.month!, day: parts.day!)
                    && time == WallTime(hour: parts.hour!, minute: parts.minute!), "\(instant)")
            // Back to an instant with the same wall clock, no later than this one (the first of a repeated hour).
            let back = EasternTime.instant(on: date, at: time)
            let backParts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: back)
            #expect(backParts == parts && back <= instant && instant.timeIntervalSince(back) <= 3600, "\(instant)")
            instant = instant.addingTimeInterval(1800)
            checked += 1
        }
        #expect(checked == 52_608)  // 1,096 days × 48
    }

    @Test func aDaysSlotsRunFromTheMorningToTheOvernightOfTheNextDay() {
        // 2025-03-15 (EDT): last tip-off DEN–WAS 2025-03-16T01:00Z (21:00 EDT).
        let slots = IngestScheduleTests.schedule.slots(
            for: GameDate("2025-03-15")!,
            lastTipoff: IngestScheduleTests.utc("2025-03-16T01:00:00Z"))
        #expect(
            IngestScheduleTests.times(slots) == [
                "morning 2025-03-15T13:00:00Z",
                "pretip 2025-03-15T16:00:00Z", "pretip 2025-03-15T17:00:00Z", "pretip 2025-03-15T18:00:00Z",
                "pretip 2025-03-15T19:00:00Z", "pretip 2025-03-15T20:00:00Z", "pretip 2025-03-15T21:00:00Z",
                "pretip 2025-03-15T22:00:00Z", "pretip 2025-03-15T23:00:00Z", "pretip 2025-03-16T00:00:00Z",
                "overnight 2025-03-16T07:00:00Z",
            ])
        #expect(slots.allSatisfy { $0.date == GameDate("2025-03-15")! })
        // 2025-01-15 (EST): last tip-off 2025-01-16T03:30Z (22:30 EST): pre-tip 12:00 … 22:00 EST.
        let winter = IngestScheduleTests.schedule.slots(
            for: GameDate("2025-01-15")!,
            lastTipoff: IngestScheduleTests.utc("2025-01-16T03:30:00Z"))
        #expect(winter.first?.instant == "2025-01-15T14:00:00Z" && winter.last?.instant == "2025-01-16T08:00:00Z")
        #expect(winter.filter { $0.phase == .pretip }.map(\.instant).first == "2025-01-15T17:00:00Z")
        #expect(winter.filter { $0.phase == .pretip }.map(\.instant).last == "2025-01-16T03:00:00Z")
        #expect(winter.filter { $0.phase == .pretip }.count == 11)
        // Before the tip-offs are known (no morning ingest yet): no pre-tip slot.
        #expect(
            IngestScheduleTests.times(IngestScheduleTests.schedule.slots(for: GameDate("2025-03-15")!, lastTipoff: nil))
                == ["morning 2025-03-15T13:00:00Z", "overnight 2025-03-16T07:00:00Z"])
        // A slot is a job of its own, keyed by its time.
        #expect(slots[1].job().key == #"ingest.pretip/2025-03-15/{"slot":"2025-03-15T16:00:00Z"}"#)
        #expect(slots[1].job().step == "ingest.pretip" && slots[1].job().maxAttempts == 3)
    }

    @Test func slotsOnDaylightSavingDays() {
        // 2025-03-09, the day daylight time starts (real games; last tip-off 2025-03-10T01:30Z, 21:30 EDT).
        let spring = IngestScheduleTests.schedule.slots(
            for: GameDate("2025-03-09")!,
            lastTipoff: IngestScheduleTests.utc("2025-03-10T01:30:00Z"))
        #expect(spring.first?.instant == "2025-03-09T13:00:00Z")  // 09:00 EDT
        #expect(
            spring.filter { $0.phase == .pretip }.map(\.instant) == [
                "2025-03-09T16:00:00Z", "2025-03-09T17:00:00Z", "2025-03-09T18:00:00Z", "2025-03-09T19:00:00Z",
                "2025-03-09T20:00:00Z", "2025-03-09T21:00:00Z", "2025-03-09T22:00:00Z", "2025-03-09T23:00:00Z",
                "2025-03-10T00:00:00Z", "2025-03-10T01:00:00Z",
            ])
        // The night the clocks go forward: the overnight of 2025-03-08 (an EST day, morning 14:00Z) is 03:00 EDT,
        // the first instant of daylight time.
        let before = IngestScheduleTests.schedule.slots(for: GameDate("2025-03-08")!, lastTipoff: nil)
        #expect(
            IngestScheduleTests.times(before) == ["morning 2025-03-08T14:00:00Z", "overnight 2025-03-09T07:00:00Z"])
        // 2024-11-03, the day daylight time ends (real games; last tip-off 2024-11-04T00:30Z, 19:30 EST).
        let fall = IngestScheduleTests.schedule.slots(
            for: GameDate("2024-11-03")!,
            lastTipoff: IngestScheduleTests.utc("2024-11-04T00:30:00Z"))
        #expect(fall.first?.instant == "2024-11-03T14:00:00Z" && fall.last?.instant == "2024-11-04T08:00:00Z")
        #expect(
            fall.filter { $0.phase == .pretip }.map(\.instant) == [
                "2024-11-03T17:00:00Z", "2024-11-03T18:00:00Z", "2024-11-03T19:00:00Z", "2024-11-03T20:00:00Z",
                "2024-11-03T21:00:00Z", "2024-11-03T22:00:00Z", "2024-11-03T23:00:00Z", "2024-11-04T00:00:00Z",
            ])
        // The night the clocks go back: the overnight of 2024-11-02 (an EDT day) at 03:00 EST.
        #expect(
            IngestScheduleTests.times(IngestScheduleTests.schedule.slots(for: GameDate("2024-11-02")!, lastTipoff: nil))
                == ["morning 2024-11-02T13:00:00Z", "overnight 2024-11-03T08:00:00Z"])
        // Configured inside the changes: 02:30 does not exist on 2025-03-09 (→ 03:30 EDT); 01:30 happens twice on
        // 2024-11-03 (→ the first, EDT).
        let odd = IngestSchedule(.init(overnight: WallTime("02:30")!))
        #expect(odd.slots(for: GameDate("2025-03-08")!, lastTipoff: nil).last?.instant == "2025-03-09T07:30:00Z")
        let twice = IngestSchedule(.init(overnight: WallTime("01:30")!))
        #expect(twice.slots(for: GameDate("2024-11-02")!, lastTipoff: nil).last?.instant == "2024-11-03T05:30:00Z")
        // Pre-tip refreshes are every 60 minutes of real time, also through the repeated hour.
        let night = IngestSchedule(.init(pretipFrom: WallTime("00:30")!))
        #expect(
            night.slots(for: GameDate("2024-11-03")!, lastTipoff: IngestScheduleTests.utc("2024-11-03T07:00:00Z"))
                .filter { $0.phase == .pretip }.map(\.instant)
                == ["2024-11-03T04:30:00Z", "2024-11-03T05:30:00Z", "2024-11-03T06:30:00Z"])
    }

    @Test func dueAndNextSlotsAcrossMidnightAndTheChangeOfClocks() {
        let schedule = IngestScheduleTests.schedule
        let tipoffs = [GameDate("2025-03-15")!: IngestScheduleTests.utc("2025-03-16T01:00:00Z")]
        // Just before 09:00 EDT: the morning; at it, the first pre-tip refresh.
        #expect(
            schedule.next(after: IngestScheduleTests.utc("2025-03-15T12:59:59Z"), lastTipoffs: tipoffs).description
                == "morning 2025-03-15 at 2025-03-15T13:00:00Z")
        #expect(
            schedule.next(after: IngestScheduleTests.utc("2025-03-15T13:00:00Z"), lastTipoffs: tipoffs).instant
                == "2025-03-15T16:00:00Z")
        // Tip-offs unknown: after the morning comes the overnight.
        #expect(
            schedule.next(after: IngestScheduleTests.utc("2025-03-15T13:00:00Z"), lastTipoffs: [:]).description
                == "overnight 2025-03-15 at 2025-03-16T07:00:00Z")
        // After the last tip-off (21:30 EDT): the overnight of the 15th, then the morning of the 16th.
        #expect(
            schedule.next(after: IngestScheduleTests.utc("2025-03-16T01:30:00Z"), lastTipoffs: tipoffs).description
                == "overnight 2025-03-15 at 2025-03-16T07:00:00Z")
        #expect(
            IngestScheduleTests.times(
                schedule.due(
                    after: IngestScheduleTests.utc("2025-03-16T00:00:00Z"),
                    through: IngestScheduleTests.utc("2025-03-16T13:00:00Z"),
                    lastTipoffs: tipoffs))
                == ["overnight 2025-03-16T07:00:00Z", "morning 2025-03-16T13:00:00Z"])  // (after, through]
        #expect(
            schedule.due(
                after: IngestScheduleTests.utc("2025-03-16T00:00:00Z"),
                through: IngestScheduleTests.utc("2025-03-16T13:00:00Z"), lastTipoffs: tipoffs
            )
            .map(\.date) == [GameDate("2025-03-15")!, GameDate("2025-03-16")!])
        // 01:59 EDT on the night the clocks go back: the overnight of 2024-11-02 is 03:00 EST, two hours of real
        // time later.
        #expect(
            schedule.next(after: IngestScheduleTests.utc("2024-11-03T05:59:00Z"), lastTipoffs: [:]).instant
                == "2024-11-03T08:00:00Z")
    }

    @Test func wallTimesParseStrictly() {
        #expect(WallTime("9:00") == WallTime(hour: 9, minute: 0) && WallTime("23:59")?.description == "23:59")
        for bad in ["24:00", "12:60", "12", "12:5", "-1:00", "ab:cd", "12:00:00", ""] {
            #expect(WallTime(bad) == nil, "\(bad)")
        }
    }
}
