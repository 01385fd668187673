/// One CSV record with the 1-based line number it starts on.
public struct CSVRecord: Sendable {
    /// A field whose bytes are not usable text.
    public struct Flaw: Sendable, Hashable {
        /// What is wrong with the field's bytes.
        public enum Kind: Sendable, Hashable {
            /// A byte sequence that is not UTF-8.
            case invalidUTF8
            /// A NUL character (U+0000), which no text column may hold.
            case nul
        }

        /// The 0-based index of the field in ``CSVRecord/fields``.
        public let field: Int
        /// What is wrong.
        public let kind: Kind
    }

    /// The physical line (1-based) where the record starts; the header is line 1.
    public let line: Int
    /// The fields, unquoted. A flawed field holds its ``VisibleText`` escape (`Emb\xFFiid`, `a\u{0}b`), never the
    /// raw bytes.
    public let fields: [String]
    /// The fields that are not valid text (invalid UTF-8 or a NUL), in field order; empty for almost every record.
    public let flaws: [Flaw]

    /// A record of text fields (from a live source): a field holding a NUL is flagged and escaped.
    init(line: Int, fields: [String]) {
        var flaws: [Flaw] = []
        var fields = fields
        for index in fields.indices where fields[index].utf8.contains(0) {
            flaws.append(Flaw(field: index, kind: .nul))
            fields[index] = VisibleText.escaped(fields[index])
        }
        self.init(line: line, fields: fields, flaws: flaws)
    }

    init(line: Int, fields: [String], flaws: [Flaw]) {
        self.line = line
        self.fields = fields
        self.flaws = flaws
    }
}

/// An RFC 4180 parser over UTF-8 bytes: quoted fields, doubled quotes, embedded commas and newlines, CRLF or LF.
///
/// A field that is not valid UTF-8 or holds a NUL is not a syntax error: the record keeps an escaped rendering of it
/// and a ``CSVRecord/Flaw``, so that validation rejects that row alone, naming its column.
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
        var flaws: [CSVRecord.Flaw] = []
        var field: [UInt8] = []
        // The OR and the minimum of a field's bytes, kept without branching: a field needs more than ASCII decoding
        // only when some byte is ≥ 0x80 (the OR has its high bit) or NUL (the minimum is 0).
        var orBits: UInt8 = 0, minimum: UInt8 = 0xFF
        while index < end {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            flaws.removeAll()
            var recordDone = false
            while !recordDone {
                field.removeAll(keepingCapacity: true)
                orBits = 0
                minimum = 0xFF
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
                            orBits |= byte
                            minimum = min(minimum, byte)
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
                        orBits |= byte
                        minimum = min(minimum, byte)
                        field.append(byte)
                        index += 1
                    }
                }
                if orBits < 0x80 && minimum > 0 {
                    fields.append(String(decoding: field, as: UTF8.self))
                } else if let text = String(validating: field, as: UTF8.self), !field.contains(0) {
                    fields.append(text)
                } else {
                    flaws.append(CSVRecord.Flaw(field: fields.count, kind: field.contains(0) ? .nul : .invalidUTF8))
                    fields.append(VisibleText.escaped(bytes: field))
                }
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
                records.append(CSVRecord(line: recordLine, fields: fields, flaws: flaws))
            }
        }
        return records
    }
}
