import HoopcastCore

/// Typed, validated access to one CSV record by column name. Every failure names the file, line, column and value.
public struct RowReader: Sendable {
    /// The file name used in issues.
    public let file: String
    /// The record being read.
    public let record: CSVRecord
    let columnIndex: [String: Int]

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

    /// A whole number (also accepts `12.0`, as some sources print integers as floats); `minimum` is inclusive.
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
    public func double(_ column: String, in range: ClosedRange<Double>? = nil) throws(ImportIssue) -> Double {
        let raw = try required(column)
        guard let value = Double(raw), value.isFinite else { throw issue(column, "not a number") }
        if let range, !range.contains(value) {
            throw issue(column, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
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

    static func parseInt(_ raw: String) -> Int? {
        if let value = Int(raw) { return value }
        guard let double = Double(raw), double.isFinite, double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }
}
