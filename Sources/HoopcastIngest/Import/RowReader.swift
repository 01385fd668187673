import HoopcastCore

/// Typed, validated access to one CSV record by column name. Every failure names the file, line, column and value.
public struct RowReader: Sendable {
    /// The file name used in issues.
    public let file: String
    /// The record being read.
    public let record: CSVRecord
    let columnIndex: [String: Int]
    /// The current US Eastern date: a game result (a final score, a box score) dated later cannot have happened.
    public let today: GameDate

    /// The raw text of `column` ("" when the column is absent from the header).
    public func text(_ column: String) -> String {
        guard let index = columnIndex[column], index < record.fields.count else { return "" }
        return record.fields[index]
    }

    /// An issue for `column` carrying this row's location and the column's value.
    public func issue(_ column: String, _ reason: String) -> ImportIssue {
        ImportIssue(file: file, line: record.line, column: column, value: text(column), reason: reason)
    }

    /// A non-empty, trimmed string.
    public func required(_ column: String) throws(ImportIssue) -> String {
        let value = text(column).trimmingSpaces()
        guard !value.isEmpty else { throw issue(column, "a value is required") }
        return value
    }

    /// A trimmed string, nil when empty.
    public func optional(_ column: String) -> String? {
        let value = text(column).trimmingSpaces()
        return value.isEmpty ? nil : value
    }

    /// A whole number written as one: ASCII digits with an optional leading `-`, optionally followed by a `.` and
    /// zeros only (`12`, `-3`, `12.0`, `12.00`: some sources print integers as floats). Surrounding spaces are
    /// trimmed as in every column. Rejected: exponents (`1e3`), hex (`0x10`), a leading `+`, a fraction (`12.5`),
    /// a bare `12.`/`.5`, and numbers beyond 64 bits. `minimum` is inclusive.
    public func int(_ column: String, minimum: Int? = nil) throws(ImportIssue) -> Int {
        let raw = try required(column)
        guard let value = RowReader.parseInt(raw) else { throw issue(column, "not a whole number") }
        if let minimum, value < minimum { throw issue(column, "must be at least \(minimum)") }
        return value
    }

    /// An optional whole number (empty → nil).
    public func optionalInt(_ column: String, minimum: Int? = nil) throws(ImportIssue) -> Int? {
        guard optional(column) != nil else { return nil }
        return try int(column, minimum: minimum)
    }

    /// A finite decimal number within `range` when given.
    ///
    /// A negative zero (`-0`, `-0.0`: a pick'em spread) is read as zero: SQLite stores it as 0 while PostgreSQL keeps
    /// the sign, and the two engines must hold the same values.
    public func double(_ column: String, in range: ClosedRange<Double>? = nil) throws(ImportIssue) -> Double {
        let raw = try required(column)
        guard let value = Double(raw), value.isFinite else { throw issue(column, "not a number") }
        if let range, !range.contains(value) {
            throw issue(column, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value == 0 ? 0 : value
    }

    /// An optional decimal number (empty → nil).
    public func optionalDouble(_ column: String, in range: ClosedRange<Double>? = nil) throws(ImportIssue) -> Double? {
        guard optional(column) != nil else { return nil }
        return try double(column, in: range)
    }

    /// American odds: a number ≤ −100 or ≥ +100 (empty → nil).
    public func optionalOdds(_ column: String) throws(ImportIssue) -> Double? {
        guard let value = try optionalDouble(column) else { return nil }
        guard value <= -100 || value >= 100 else { throw issue(column, "American odds must be ≤ -100 or ≥ 100") }
        return value
    }

    /// A `YYYY-MM-DD` date.
    public func date(_ column: String) throws(ImportIssue) -> GameDate {
        let raw = try required(column)
        guard let date = GameDate(raw) else { throw issue(column, "not a YYYY-MM-DD date") }
        return date
    }

    /// A `YYYY-MM-DD` date that lies within `season` (``Season/possibleGameDates``: 1 August of its first year to
    /// 31 July of its second, preseason to Finals).
    public func date(_ column: String, in season: Season) throws(ImportIssue) -> GameDate {
        let date = try date(column)
        let range = season.possibleGameDates
        guard range.contains(date) else {
            throw issue(column, "outside season \(season) (\(range.lowerBound) to \(range.upperBound))")
        }
        return date
    }

    /// Rejects a game result (a final score, a box score) dated after ``today``; the issue names `column`.
    public func requirePlayed(_ date: GameDate, naming column: String) throws(ImportIssue) {
        guard date <= today else {
            throw issue(column, "a result for a game dated \(date), after today (\(today)): it has not been played")
        }
    }

    /// A season such as `2023-24`.
    public func season(_ column: String) throws(ImportIssue) -> Season {
        let raw = try required(column)
        guard let season = Season(raw) else { throw issue(column, "not a season like 2023-24") }
        return season
    }

    /// A known team code (ATL, BOS, …).
    public func teamCode(_ column: String) throws(ImportIssue) -> Team {
        let raw = try required(column)
        guard raw.count == 3, let team = Team(raw), team.code == raw.uppercased() else {
            throw issue(column, "unknown team code")
        }
        return team
    }

    /// A team given by code or full name; nil when empty.
    public func optionalTeam(_ column: String) throws(ImportIssue) -> Team? {
        guard let raw = optional(column) else { return nil }
        guard let team = Team(raw) else { throw issue(column, "unknown team") }
        return team
    }

    /// A value of a closed set (an enum's raw values).
    public func oneOf<T: RawRepresentable & CaseIterable>(_ column: String, _: T.Type) throws(ImportIssue) -> T
    where T.RawValue == String {
        let raw = try required(column)
        guard let value = T(rawValue: raw) else {
            throw issue(column, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// `1`/`0` (also `true`/`false`).
    public func flag(_ column: String) throws(ImportIssue) -> Bool {
        switch try required(column).lowercased() {
        case "1", "true", "1.0": return true
        case "0", "false", "0.0": return false
        default: throw issue(column, "must be 1 or 0")
        }
    }

    /// The value of a whole number in the form ``int(_:minimum:)`` accepts; nil for anything else.
    static func parseInt(_ raw: String) -> Int? {
        let bytes = raw.utf8
        var digitsEnd = bytes.endIndex
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            let zeros = bytes[bytes.index(after: dot)...]
            guard !zeros.isEmpty, zeros.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
            digitsEnd = dot
        }
        var digits = bytes[..<digitsEnd]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(Substring(raw.utf8[..<digitsEnd]))
    }
}
