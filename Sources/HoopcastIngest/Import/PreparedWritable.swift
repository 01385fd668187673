import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

/// A prepared file of any record type, erased so that files of different types can be handled together.
protocol PreparedWritable: Sendable {
    var fileName: String { get }
    var readCount: Int { get }
    var rejectedCount: Int { get }
    var allIssues: [ImportIssue] { get }
    var quarantineRows: [Quarantine.Row] { get }
    /// Writes new and changed rows and the quarantine in one transaction; returns the file's summary.
    func write(to store: Store, runID: String, progress: any ImportProgress) async throws -> FileImportSummary
}

extension DatasetRecord {
    static func prepareForWrite(_ url: URL, today: GameDate, progress: any ImportProgress) throws
        -> any PreparedWritable
    {
        try PreparedFile<Self>.prepare(url, today: today, progress: progress)
    }
}

extension PreparedFile: PreparedWritable {
    var fileName: String { name }
    var readCount: Int { read }
    var rejectedCount: Int { rejected }
    var allIssues: [ImportIssue] { issues }
    var quarantineRows: [Quarantine.Row] {
        issues.map { Quarantine.Row(issue: $0, record: rejectedText[$0.line] ?? "") }
    }

    func write(to store: Store, runID: String, progress: any ImportProgress) async throws -> FileImportSummary {
        let (changed, summary) = changes(
            stored: try await StoredHashes.load(Record.self, from: store.sql), runID: runID)
        progress.phase("writing", file: name, total: changed.count)
        try await store.transaction { [self, changed] db in
            try await apply(changed, runID: runID, progress: progress, on: db)
        }
        return summary
    }

    /// Writes new and changed rows and the quarantine inside the caller's transaction `db` (which the stored hashes
    /// are read from too).
    func write(on db: any SQLDatabase, runID: String) async throws -> FileImportSummary {
        let (changed, summary) = changes(stored: try await StoredHashes.load(Record.self, from: db), runID: runID)
        try await apply(changed, runID: runID, progress: SilentImportProgress(), on: db)
        return summary
    }

    /// The rows to write (new or changed against `stored`, with hash and run id) and the file's summary.
    private func changes(stored: [String: String], runID: String) -> ([[SQLValue]], FileImportSummary) {
        var changed: [[SQLValue]] = []
        var inserted = 0, updated = 0, unchanged = 0
        for record in records {
            let values = record.values
            let hash = ContentHash.of(values)
            switch stored[record.naturalKey] {
            case nil:
                inserted += 1
            case hash?:
                unchanged += 1
                continue
            default:
                updated += 1
            }
            changed.append(values + [.text(hash), .text(runID)])
        }
        return (
            changed,
            FileImportSummary(
                name: name, read: read, inserted: inserted, updated: updated,
                unchanged: unchanged, rejected: rejected)
        )
    }

    private func apply(
        _ changed: [[SQLValue]], runID: String, progress: any ImportProgress,
        on db: any SQLDatabase
    ) async throws {
        let upsert = BulkUpsert(
            table: Record.table, columns: Record.columns + ["content_hash", "run_id"],
            key: Record.keyColumns.map(\.name))
        let batch = 5_000
        var start = 0
        while start < changed.count {
            let end = min(changed.count, start + batch)
            let batchRows = Array(changed[start..<end])
            try await upsert.run(batchRows, on: db)
            try await Record.didWrite(batchRows, runID: runID, on: db)
            progress.advanced(file: name, done: end)
            start = end
        }
        try await Quarantine.insert(quarantineRows, runID: runID, on: db)
    }
}

/// The content hashes already stored for a raw table, by natural key.
enum StoredHashes {
    static func load<Record: DatasetRecord>(_: Record.Type, from db: any SQLDatabase) async throws -> [String: String] {
        let keys = Record.keyColumns
        var select = db.select().column("content_hash").from(Record.table)
        for key in keys { select = select.column(SQLIdentifier(key.name)) }
        let rows = try await select.all()
        var result: [String: String] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            let values = try NaturalKey.values(of: row, columns: keys)
            result[NaturalKey.make(values)] = try row.value("content_hash", as: String.self)
        }
        return result
    }
}
