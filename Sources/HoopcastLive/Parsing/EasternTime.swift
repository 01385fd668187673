import HoopcastCore

/// Converts UTC instants to the US Eastern calendar date NBA game dates use (DST by the post-2007 US rules).
public enum EasternTime {
    /// The Eastern date of an ISO-8601 UTC instant (`2024-01-25T03:20:30Z`, `2024-01-15T18:00Z`,
    /// `2025-02-21T02:00:00.000Z`); nil when unreadable.
    public static func gameDate(utc text: String) -> GameDate? {
        guard let (date, hour, minute) = parse(text) else { return nil }
        let offset = isDaylightTime(utcDate: date, hour: hour, minute: minute) ? 4 : 5
        return hour < offset ? date.adding(days: -1) : date
    }

    static func parse(_ text: String) -> (GameDate, Int, Int)? {
        let chars = Array(text.utf8)
        guard chars.count >= 16, let date = GameDate(text.prefix(10)),
            chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
            let hour = Int(String(decoding: chars[11..<13], as: UTF8.self)),
            let minute = Int(String(decoding: chars[14..<16], as: UTF8.self))
        else { return nil }
        return (date, hour, minute)
    }

    /// DST runs from 2:00 local standard time (07:00 UTC) on the second Sunday of March to 2:00 local daylight time
    /// (06:00 UTC) on the first Sunday of November.
    static func isDaylightTime(utcDate: GameDate, hour: Int, minute: Int) -> Bool {
        let year = utcDate.parts.year
        let start = nthSunday(year: year, month: 3, n: 2)
        let end = nthSunday(year: year, month: 11, n: 1)
        let minutes = utcDate.dayNumber * 1440 + hour * 60 + minute
        return minutes >= start.dayNumber * 1440 + 7 * 60 && minutes < end.dayNumber * 1440 + 6 * 60
    }

    static func nthSunday(year: Int, month: Int, n: Int) -> GameDate {
        let first = GameDate(year: year, month: month, day: 1)!
        // 1970-01-01 (day 0) was a Thursday: weekday 0 = Sunday.
        let weekday = ((first.dayNumber % 7) + 7 + 4) % 7
        let firstSunday = first.adding(days: (7 - weekday) % 7)
        return firstSunday.adding(days: 7 * (n - 1))
    }
}

/// Odds conversions.
public enum OddsFormat {
    /// American odds from a price in either format: |price| ≥ 100 is already American; 1 < price < 100 is decimal.
    /// Returns nil for anything else.
    public static func american(_ price: Double) -> Double? {
        if price <= -100 || price >= 100 { return price }
        guard price > 1 else { return nil }
        let american = price >= 2 ? (price - 1) * 100 : -100 / (price - 1)
        return (american * 100).rounded() / 100
    }
}
