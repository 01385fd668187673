/// One CSV record with the 1-based line number it starts on.
public struct CSVRecord: Sendable {
    /// The physical line (1-based) where the record starts; the header is line 1.
    public let line: Int
    /// The fields, unquoted.
    public let fields: [String]
}

/// An RFC 4180 parser over UTF-8 bytes: quoted fields, doubled quotes, embedded commas and newlines, CRLF or LF.
public struct CSVParser: Sendable {
    /// A syntax error at a line.
    public struct SyntaxError: Error, Sendable {
        /// The 1-based line.
        public let line: Int
        /// What is wrong.
        public let reason: String
    }

    private let bytes: [UInt8]

    /// Creates a parser over `bytes` (a leading UTF-8 byte-order mark is skipped).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses every record. Blank lines are skipped.
    public func records() throws(SyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        records.reserveCapacity(bytes.count / 80)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let end = bytes.count
        var fields: [String] = []
        var field: [UInt8] = []
        while index < end {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            var recordDone = false
            while !recordDone {
                field.removeAll(keepingCapacity: true)
                if index < end && bytes[index] == quote {
                    index += 1
                    var closed = false
                    while index < end {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < end && bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                            } else {
                                index += 1
                                closed = true
                                break
                            }
                        } else {
                            if byte == lf { line += 1 }
                            field.append(byte)
                            index += 1
                        }
                    }
                    guard closed else { throw SyntaxError(line: recordLine, reason: "unterminated quoted field") }
                    if index < end, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                        throw SyntaxError(line: line, reason: "unexpected character after a closing quote")
                    }
                } else {
                    while index < end {
                        let byte = bytes[index]
                        if byte == comma || byte == lf || byte == cr { break }
                        if byte == quote { throw SyntaxError(line: line, reason: "quote inside an unquoted field") }
                        field.append(byte)
                        index += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if index >= end {
                    recordDone = true
                } else if bytes[index] == comma {
                    index += 1
                } else {
                    if bytes[index] == cr { index += 1 }
                    if index < end && bytes[index] == lf { index += 1 }
                    line += 1
                    recordDone = true
                }
            }
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
        }
        return records
    }
}
