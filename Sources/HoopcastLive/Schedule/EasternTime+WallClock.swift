import Foundation
import HoopcastCore

extension EasternTime {
    /// The UTC instant of the US Eastern wall-clock time `time` on `date`.
    ///
    /// A time that does not exist (the hour skipped when daylight time starts, 02:00–02:59 on the second Sunday of
    /// March) is read as standard time, which puts it an hour later on the clock (02:30 → 03:30 EDT); a time that
    /// occurs twice (01:00–01:59 on the first Sunday of November) is its first occurrence (EDT).
    public static func instant(on date: GameDate, at time: WallTime) -> Date {
        let local = Double(date.dayNumber * 86_400 + time.hour * 3600 + time.minute * 60)
        let asDaylight = local + 4 * 3600
        return Date(timeIntervalSince1970: isDaylightTime(utcSeconds: asDaylight) ? asDaylight : local + 5 * 3600)
    }

    /// The US Eastern calendar date and wall-clock time of `instant` (to the minute).
    public static func wallClock(of instant: Date) -> (date: GameDate, time: WallTime) {
        let utc = instant.timeIntervalSince1970.rounded(.down)
        let local = utc - (isDaylightTime(utcSeconds: utc) ? 4 : 5) * 3600
        let day = Int((local / 86_400).rounded(.down))
        let minutes = Int(local - Double(day) * 86_400) / 60
        return (GameDate(dayNumber: day), WallTime(hour: minutes / 60, minute: minutes % 60)!)
    }

    /// Whether US daylight time is in effect at `utcSeconds` (seconds since 1970, UTC).
    static func isDaylightTime(utcSeconds: Double) -> Bool {
        let day = Int((utcSeconds / 86_400).rounded(.down))
        let minutes = Int(utcSeconds - Double(day) * 86_400) / 60
        return isDaylightTime(utcDate: GameDate(dayNumber: day), hour: minutes / 60, minute: minutes % 60)
    }
}
