import Foundation
import HoopcastCore

/// UTC instants of a game date's expected arrivals, and ISO-8601 text in and out.
///
/// Eastern times are taken at UTC−5 (Eastern *standard* time) all year: under daylight time that judges an
/// arrival an hour later than the Eastern wall clock says, never earlier — a check must not call data late that
/// is on time.
enum UTCClock {
    /// `hour`:00 US Eastern (at UTC−5) on `date`, `dayOffset` days later.
    static func eastern(_ date: GameDate, hour: Int, dayOffset: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval((date.dayNumber + dayOffset) * 86_400 + (hour + 5) * 3_600))
    }

    /// `2024-01-15T17:00:00Z`.
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt))
    }

    /// The instant of ISO-8601 UTC text, with or without fractional seconds; nil when unreadable.
    static func date(_ text: String) -> Date? { WallInstant(iso8601: text)?.date }
}
