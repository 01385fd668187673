import Foundation
import HoopcastCore

/// One dataset file read and validated, not yet written.
struct PreparedFile<Record: DatasetRecord>: Sendable {
    /// The file name.
    let name: String
    /// Records read.
    let read: Int
    /// Valid records, duplicates removed, in file order.
    let records: [Record]
    /// Rejections (bad values, duplicates, or the whole file when its header is unusable).
    let issues: [ImportIssue]
    /// The original text of each rejected line, by line number (for the quarantine).
    let rejectedText: [Int: String]
    /// Rows rejected: every row when the whole file was refused, otherwise one per issue.
    var rejected: Int { wholeFileRejected ? max(read, 1) : issues.count }
    /// True when the file could not be used at all (unreadable, bad CSV syntax, missing columns).
    var wholeFileRejected = false

    /// Reads, parses and validates `url`; `today` is the latest date a game result may have.
    static func prepare(_ url: URL, today: GameDate, progress: any ImportProgress) throws -> PreparedFile<Record> {
        let name = url.lastPathComponent
        progress.phase("reading", file: name, total: 0)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(url)
        } catch {
            return PreparedFile(
                name: name, read: 0, records: [],
                issues: [
                    ImportIssue(file: name, line: 0, reason: error.reason)
                ], rejectedText: [:], wholeFileRejected: true)
        }
        let parsed: [CSVRecord]
        do {
            parsed = try CSVParser(bytes: bytes).records()
        } catch {
            return PreparedFile(
                name: name, read: 0, records: [],
                issues: [
                    ImportIssue(
                        file: name, line: error.line, reason: "CSV syntax: \(error.reason); the file was not loaded")
                ], rejectedText: [:], wholeFileRejected: true)
        }
        guard let header = parsed.first else {
            return PreparedFile(
                name: name, read: 0, records: [],
                issues: [
                    ImportIssue(file: name, line: 1, reason: "the file is empty (no header row)")
                ], rejectedText: [:], wholeFileRejected: true)
        }
        return validate(name: name, header: header, body: parsed.dropFirst(), today: today, progress: progress)
    }

    /// Validates records under `header` (shared by file imports and live sources); `today` is the latest date a
    /// game result may have. A record with a field that is not text (invalid UTF-8, a NUL: ``CSVRecord/flaws``) is
    /// rejected before it is parsed, naming the field's column.
    static func validate(
        name: String, header: CSVRecord, body: ArraySlice<CSVRecord>, today: GameDate,
        progress: any ImportProgress
    ) -> PreparedFile<Record> {
        let fileName = name  // `name` is shadowed by the header loop below
        if let flaw = header.flaws.first {
            // A column name that is not text cannot be matched: no row of the file can be trusted.
            return PreparedFile(
                name: fileName, read: body.count, records: [],
                issues: [
                    ImportIssue(
                        file: fileName, line: header.line, value: header.fields[flaw.field],
                        reason: "the header \(flaw.kind.reason); no row of this file was loaded")
                ], rejectedText: [:], wholeFileRejected: true)
        }
        var columnIndex: [String: Int] = [:]
        for (index, column) in header.fields.enumerated() {
            let name = column.trimmingCharacters(in: .whitespaces)
            if columnIndex[name] != nil {
                // Two columns with one name: which one holds the data is unknowable, so the file is refused.
                return PreparedFile(
                    name: fileName, read: body.count,
                    records: [],
                    issues: [
                        ImportIssue(
                            file: fileName, line: 1, column: name,
                            reason: "column appears twice in the header")
                    ],
                    rejectedText: [:], wholeFileRejected: true)
            }
            columnIndex[name] = index
        }
        let missing = Record.requiredHeaders.filter { columnIndex[$0] == nil }
        if !missing.isEmpty {
            // Without its columns no row can be trusted: the whole file is rejected, nothing stored changes.
            let issue = ImportIssue(
                file: name, line: 1, column: missing.joined(separator: ","), value: nil,
                reason: "required column missing from the header; no row of this file was loaded")
            var text: [Int: String] = [:]
            if let first = body.first { text[first.line] = first.fields.joined(separator: ",") }
            return PreparedFile(
                name: name, read: body.count, records: [], issues: [issue], rejectedText: text,
                wholeFileRejected: true)
        }
        progress.phase("validating", file: name, total: body.count)
        var records: [Record] = []
        records.reserveCapacity(body.count)
        var issues: [ImportIssue] = []
        var rejectedText: [Int: String] = [:]
        var firstLineByKey: [String: Int] = [:]
        firstLineByKey.reserveCapacity(body.count)
        for (offset, record) in body.enumerated() {
            if offset % 20_000 == 0 { progress.advanced(file: name, done: offset) }
            let row = RowReader(file: name, record: record, columnIndex: columnIndex, today: today)
            if record.fields.count != header.fields.count {
                issues.append(
                    ImportIssue(
                        file: name, line: record.line,
                        reason:
                            "has \(record.fields.count) fields; the header has \(header.fields.count)"))
                rejectedText[record.line] = record.fields.joined(separator: ",")
                continue
            }
            if let flaw = record.flaws.first {
                issues.append(
                    ImportIssue(
                        file: name, line: record.line,
                        column: header.fields[flaw.field].trimmingCharacters(in: .whitespaces),
                        value: record.fields[flaw.field], reason: flaw.kind.reason))
                rejectedText[record.line] = record.fields.joined(separator: ",")
                continue
            }
            do {
                let parsedRecord = try Record(row)
                let key = parsedRecord.naturalKey
                if let firstLine = firstLineByKey[key] {
                    issues.append(
                        ImportIssue(
                            file: name, line: record.line,
                            column: Record.keyColumns.map(\.name).joined(separator: ","),
                            value: key.replacingOccurrences(of: "\u{1F}", with: "|"),
                            reason: "duplicate key within the file (first on line \(firstLine))"))
                    rejectedText[record.line] = record.fields.joined(separator: ",")
                    continue
                }
                firstLineByKey[key] = record.line
                records.append(parsedRecord)
            } catch {
                issues.append(error)
                rejectedText[record.line] = record.fields.joined(separator: ",")
            }
        }
        progress.advanced(file: name, done: body.count)
        return PreparedFile(name: name, read: body.count, records: records, issues: issues, rejectedText: rejectedText)
    }
}

extension CSVRecord.Flaw.Kind {
    /// The rejection reason, in words.
    var reason: String {
        switch self {
        case .invalidUTF8: return "is not valid UTF-8 text (invalid bytes shown as \\xNN)"
        case .nul: return "contains a NUL character (shown as \\u{0}), which no text column may hold"
        }
    }
}
