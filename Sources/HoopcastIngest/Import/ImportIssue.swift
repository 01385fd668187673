/// Why one input row (or a whole file) was rejected: where it is and what is wrong.
public struct ImportIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name, e.g. `player_boxscores.csv.gz`.
    public var file: String
    /// The 1-based line (the header is line 1).
    public var line: Int
    /// The column, when one column is at fault.
    public var column: String?
    /// The offending value, when there is one.
    public var value: String?
    /// What is wrong, in words.
    public var reason: String

    /// Creates an issue.
    public init(file: String, line: Int, column: String? = nil, value: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// `file:line: column 'c' value 'v': reason`.
    public var description: String {
        var text = "\(file):\(line):"
        if let column { text += " column '\(column)'" }
        if let value { text += " value '\(value)'" }
        return text + ": \(reason)"
    }
}
