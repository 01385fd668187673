import Foundation
import HoopcastCore

extension GameDate {
    /// The US Eastern calendar date (the NBA's game date) at `instant`: the default "today" of import validation.
    /// Falls back to the UTC date when the time-zone database has no `America/New_York`.
    public static func eastern(at instant: Date = Date()) -> GameDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return GameDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
