import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// Validates and writes rows that arrive as column → text maps (from live sources) through the same record
/// validation, content-hash comparison, idempotent upsert and quarantine as the CSV import.
public enum FieldRowWriter {
    /// Validates `rows` as records of `type`; `name` labels issues (e.g. `odds_api/events@sha256`); `today` is the
    /// latest date a game result may have. Returns the valid rows' count and every issue.
    public static func validate<Record: DatasetRecord>(
        _ type: Record.Type, name: String, rows: [[String: String]],
        today: GameDate = .eastern()
    )
        -> (valid: Int, issues: [ImportIssue])
    {
        let prepared = prepare(type, name: name, rows: rows, today: today)
        return (prepared.records.count, prepared.issues)
    }

    /// Validates and writes `rows` in one transaction; rejected rows go to `raw_import_quarantine`.
    public static func write<Record: DatasetRecord>(
        _ type: Record.Type, name: String, rows: [[String: String]],
        store: Store, runID: String, today: GameDate = .eastern()
    )
        async throws -> (summary: FileImportSummary, issues: [ImportIssue])
    {
        let prepared = prepare(type, name: name, rows: rows, today: today)
        let summary = try await prepared.write(to: store, runID: runID, progress: SilentImportProgress())
        return (summary, prepared.issues)
    }

    /// Validates and writes `rows` inside the caller's transaction `db`; rejected rows go to `raw_import_quarantine`.
    public static func write<Record: DatasetRecord>(
        _ type: Record.Type, name: String, rows: [[String: String]],
        runID: String, on db: any SQLDatabase,
        today: GameDate = .eastern()
    ) async throws
        -> (summary: FileImportSummary, issues: [ImportIssue])
    {
        let prepared = prepare(type, name: name, rows: rows, today: today)
        return (try await prepared.write(on: db, runID: runID), prepared.issues)
    }

    /// The rows as records under the type's header; a field holding a NUL is flagged (``CSVRecord/flaws``) and the
    /// row rejected like a CSV row.
    static func prepare<Record: DatasetRecord>(
        _: Record.Type, name: String, rows: [[String: String]],
        today: GameDate
    ) -> PreparedFile<Record> {
        let header = Record.requiredHeaders
        let headerRecord = CSVRecord(line: 1, fields: header)
        let body = rows.enumerated().map { offset, row in
            CSVRecord(line: offset + 2, fields: header.map { row[$0] ?? "" })
        }
        return PreparedFile<Record>.validate(
            name: name, header: headerRecord, body: body[...], today: today,
            progress: SilentImportProgress())
    }
}
