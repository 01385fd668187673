/// A calendar date in US Eastern time, the NBA's game date (`YYYY-MM-DD`).
///
/// Stored as a day number so that arithmetic (rest days, windows) is exact and cheap.
/// Ordering is chronological; ``description`` is the ISO form used in files and SQL.
public struct GameDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    public let dayNumber: Int

    /// Creates a date from a day number (days since 1970-01-01).
    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Creates a date from its parts; returns nil when the parts are not a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= GameDate.daysIn(month: month, year: year) else { return nil }
        self.dayNumber = GameDate.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` strictly; returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(utf8[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The (year, month, day) parts.
    public var parts: (year: Int, month: Int, day: Int) { GameDate.civil(fromDays: dayNumber) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The date `days` later (negative for earlier).
    public func adding(days: Int) -> GameDate { GameDate(dayNumber: dayNumber + days) }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: GameDate) -> Int { dayNumber - other.dayNumber }

    /// The NBA season a game on this date belongs to, e.g. `2023-24` for 2024-03-01 (seasons turn over on Aug 1).
    public var season: Season {
        let (year, month, _) = parts
        return Season(startYear: month >= 8 ? year : year - 1)
    }

    public static func < (lhs: GameDate, rhs: GameDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = GameDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
