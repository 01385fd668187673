/// An NBA season such as `2023-24`, identified by the calendar year it starts in.
public struct Season: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year the season starts in (2023 for `2023-24`).
    public let startYear: Int

    /// Creates a season from the year it starts in.
    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `YYYY-YY` (e.g. `2023-24`); the second part must be the next year.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var start = 0, end = 0
        for (index, byte) in bytes.enumerated() where index != 4 {
            let digit = Int(byte) - 48
            guard (0...9).contains(digit) else { return nil }
            if index < 4 { start = start * 10 + digit } else { end = end * 10 + digit }
        }
        guard (start + 1) % 100 == end else { return nil }
        self.startYear = start
    }

    /// `2023-24`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (lhs: Season, rhs: Season) -> Bool { lhs.startYear < rhs.startYear }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let season = Season(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a season like 2023-24: \(text)")
        }
        self = season
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Season {
    /// The season a date belongs to: seasons run from August 1 to July 31 (games October → June).
    public static func containing(_ date: GameDate) -> Season {
        let (year, month, _) = date.parts
        return Season(startYear: month >= 8 ? year : year - 1)
    }

    /// August 1 of the season's first year: no game of the season is earlier.
    public var firstPossibleDate: GameDate { GameDate(year: startYear, month: 8, day: 1)! }

    /// The dates a game of the season can have, preseason through the Finals: August 1 of its first year to July 31
    /// of its second (the turnover of ``containing(_:)``; seasons open in October and end in June, the latest Finals
    /// game was 20 July 2021). The exception is 2019-20, whose playoffs were played in the bubble until
    /// 11 October 2020: it runs to 31 October 2020 (overlapping the first months of 2020-21, which opened in December).
    public var possibleGameDates: ClosedRange<GameDate> {
        let lastMonth = startYear == 2019 ? (month: 10, day: 31) : (month: 7, day: 31)
        return firstPossibleDate...GameDate(year: startYear + 1, month: lastMonth.month, day: lastMonth.day)!
    }
}
