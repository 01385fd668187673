/// Why one input row (or a whole file) was rejected: where it is and what is wrong.
public struct ImportIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name, e.g. `player_boxscores.csv.gz`.
    public var file: String
    /// The 1-based line (the header is line 1).
    public var line: Int
    /// The column, when one column is at fault.
    public var column: String?
    /// The offending value, when there is one: at most ``VisibleText/echoLimit`` characters, a longer value being cut
    /// and followed by `… (N bytes)` (the quarantine keeps the whole record).
    public var value: String?
    /// What is wrong, in words.
    public var reason: String

    /// Creates an issue; a `value` longer than ``VisibleText/echoLimit`` characters is cut (see ``value``).
    public init(file: String, line: Int, column: String? = nil, value: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value.map(VisibleText.capped)
        self.reason = reason
    }

    /// `file:line: column 'c' value 'v': reason`, with control and bidirectional-formatting characters escaped
    /// (`\u{1B}`), so printing it to a terminal shows the input instead of obeying it.
    public var description: String {
        var text = "\(VisibleText.escaped(file)):\(line):"
        if let column { text += " column '\(VisibleText.escaped(column))'" }
        if let value { text += " value '\(VisibleText.escaped(value))'" }
        return text + ": \(VisibleText.escaped(reason))"
    }
}
