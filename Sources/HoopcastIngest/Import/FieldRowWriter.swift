import Foundation
import HoopcastStore
import SQLKit

/// Validates and writes rows that arrive as column → text maps (from live sources) through the same record
/// validation, content-hash comparison, idempotent upsert and quarantine as the CSV import.
public enum FieldRowWriter {
    /// Validates `rows` as records of `type`; `name` labels issues (e.g. `odds_api/events@sha256`).
    /// Returns the valid rows' count and every issue.
    public static func validate<Record: DatasetRecord>(_ type: Record.Type, name: String, rows: [[String: String]])
        -> (valid: Int, issues: [ImportIssue]) {
        let prepared = prepare(type, name: name, rows: rows)
        return (prepared.records.count, prepared.issues)
    }

    /// Validates and writes `rows` in one transaction; rejected rows go to `raw_import_quarantine`.
    public static func write<Record: DatasetRecord>(_ type: Record.Type, name: String, rows: [[String: String]],
                                                    store: Store, runID: String) async throws
        -> (summary: FileImportSummary, issues: [ImportIssue]) {
        let prepared = prepare(type, name: name, rows: rows)
        let summary = try await prepared.write(to: store, runID: runID, progress: SilentImportProgress())
        return (summary, prepared.issues)
    }

    /// Validates and writes `rows` inside the caller's transaction `db`; rejected rows go to `raw_import_quarantine`.
    public static func write<Record: DatasetRecord>(_ type: Record.Type, name: String, rows: [[String: String]],
                                                    runID: String, on db: any SQLDatabase) async throws
        -> (summary: FileImportSummary, issues: [ImportIssue]) {
        let prepared = prepare(type, name: name, rows: rows)
        return (try await prepared.write(on: db, runID: runID), prepared.issues)
    }

    static func prepare<Record: DatasetRecord>(_: Record.Type, name: String, rows: [[String: String]])
        -> PreparedFile<Record> {
        let header = Record.requiredHeaders
        let headerRecord = CSVRecord(line: 1, fields: header)
        let body = rows.enumerated().map { offset, row in
            CSVRecord(line: offset + 2, fields: header.map { row[$0] ?? "" })
        }
        return PreparedFile<Record>.validate(name: name, header: headerRecord, body: body[...],
                                             progress: SilentImportProgress())
    }
}
