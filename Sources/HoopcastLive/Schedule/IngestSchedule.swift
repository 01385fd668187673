import Foundation
import HoopcastCore

/// The long-running mode's daily schedule, pure: given the time and the dates' last tip-offs, which ingest slots are
/// due and which comes next. Times are US Eastern wall-clock times (daylight-saving aware, ``EasternTime``).
///
/// For a game date D: the morning phase at ``Config/morning`` on D; the pre-tip phase every
/// ``Config/pretipEveryMinutes`` from ``Config/pretipFrom`` on D while strictly before D's last tip-off (none while
/// the tip-offs are unknown); the overnight phase at ``Config/overnight`` on D + 1.
public struct IngestSchedule: Sendable, Hashable {
    /// When each phase runs.
    public struct Config: Sendable, Hashable {
        /// The morning phase, on the game date (default 09:00).
        public var morning: WallTime
        /// The first pre-tip refresh, on the game date (default 12:00).
        public var pretipFrom: WallTime
        /// Minutes between pre-tip refreshes (default 60).
        public var pretipEveryMinutes: Int
        /// The overnight phase, on the day after the game date (default 03:00).
        public var overnight: WallTime

        /// Creates a configuration.
        public init(
            morning: WallTime = WallTime(hour: 9, minute: 0)!, pretipFrom: WallTime = WallTime(hour: 12, minute: 0)!,
            pretipEveryMinutes: Int = 60, overnight: WallTime = WallTime(hour: 3, minute: 0)!
        ) {
            precondition(pretipEveryMinutes >= 1, "pre-tip refreshes are at least a minute apart")
            self.morning = morning
            self.pretipFrom = pretipFrom
            self.pretipEveryMinutes = pretipEveryMinutes
            self.overnight = overnight
        }
    }

    /// The configuration.
    public let config: Config

    /// Creates a schedule.
    public init(_ config: Config = Config()) { self.config = config }

    /// Every slot of game date `date`, in time order: morning, the pre-tip refreshes strictly before `lastTipoff`
    /// (none when nil), overnight on the next day.
    public func slots(for date: GameDate, lastTipoff: Date?) -> [ScheduleSlot] {
        var slots = [ScheduleSlot(phase: .morning, date: date, at: EasternTime.instant(on: date, at: config.morning))]
        if let lastTipoff {
            var at = EasternTime.instant(on: date, at: config.pretipFrom)
            while at < lastTipoff {
                slots.append(ScheduleSlot(phase: .pretip, date: date, at: at))
                at = at.addingTimeInterval(Double(config.pretipEveryMinutes) * 60)
            }
        }
        slots.append(
            ScheduleSlot(
                phase: .overnight, date: date,
                at: EasternTime.instant(on: date.adding(days: 1), at: config.overnight)))
        return slots.sorted()
    }

    /// The game dates whose slots can fall between `from` and `through`: a date's slots run from its own day to the
    /// next (the overnight phase).
    public func dates(from: Date, through: Date) -> [GameDate] {
        let first = EasternTime.wallClock(of: from).date.adding(days: -1)
        let last = EasternTime.wallClock(of: max(from, through)).date
        return (first.dayNumber...last.dayNumber).map(GameDate.init(dayNumber:))
    }

    /// The slots due in `(after, through]`, in time order; `lastTipoffs` holds each date's last tip-off (absent:
    /// unknown).
    public func due(after: Date, through: Date, lastTipoffs: [GameDate: Date]) -> [ScheduleSlot] {
        dates(from: after, through: through)
            .flatMap { slots(for: $0, lastTipoff: lastTipoffs[$0]) }
            .filter { $0.at > after && $0.at <= through }
            .sorted()
    }

    /// The first slot strictly after `now` (the next morning at the latest).
    public func next(after now: Date, lastTipoffs: [GameDate: Date]) -> ScheduleSlot {
        let today = EasternTime.wallClock(of: now).date
        let candidates = [today.adding(days: -1), today, today.adding(days: 1)]
            .flatMap { slots(for: $0, lastTipoff: lastTipoffs[$0]) }
            .filter { $0.at > now }
        return candidates.min()!  // tomorrow's morning is always after now
    }
}
