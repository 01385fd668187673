import Foundation
import HoopcastStore
import SQLKit

/// Rejected input rows, kept once each in `raw_import_quarantine` with every run that saw them in
/// `raw_import_quarantine_runs`.
///
/// Two rejections are the same row when they have the same file name (not path), line, column, reason and record
/// text (``Row/contentHash``): re-importing an unchanged file adds only its run to the rows already quarantined. A bad
/// row that moved to another line, or that is rejected for another reason, is a new entry. A quarantined row's
/// `run_id` and `created_at` are those of the first run that saw it; `value` is the capped echo of the offending
/// value, `record` the whole record.
struct Quarantine: Sendable {
    /// One rejected row.
    struct Row: Sendable {
        let issue: ImportIssue
        /// The original record text (fields re-joined with commas).
        let record: String

        /// The row's identity: a hash of file, line, column, reason and record (the offending value is part of the
        /// record).
        var contentHash: String {
            Row.contentHash(
                file: issue.file, line: issue.line, column: issue.column, reason: issue.reason,
                record: record)
        }

        static func contentHash(file: String, line: Int, column: String?, reason: String, record: String) -> String {
            ContentHash.of([.text(file), .int(line), .text(column), .text(reason), .text(record)])
        }
    }

    let store: Store

    /// Records rows in their own transaction.
    func record(_ rows: [Row], runID: String) async throws {
        try await store.transaction { db in try await Quarantine.insert(rows, runID: runID, on: db) }
    }

    /// Stores each row not yet quarantined and records that run `runID` saw every one of them.
    static func insert(_ rows: [Row], runID: String, on db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await hashLegacyRows(on: db)
        let now = ISO8601DateFormatter().string(from: Date())
        var hashes: [String] = []
        var seen: Set<String> = []
        var values: [[SQLValue]] = []
        for row in rows {
            let hash = row.contentHash
            guard seen.insert(hash).inserted else { continue }
            hashes.append(hash)
            values.append([
                .text(hash), .text(runID), .text(row.issue.file), .int(row.issue.line),
                .text(row.issue.column), .text(row.issue.value), .text(row.issue.reason),
                .text(row.record), .text(now),
            ])
        }
        let columns = [
            "content_hash", "run_id", "file", "line", "column_name", "value", "reason", "record", "created_at",
        ]
        let chunk = 500
        for start in stride(from: 0, to: values.count, by: chunk) {
            // A row already quarantined keeps its first run and time: the conflict is ignored, not updated.
            var insert = db.insert(into: "raw_import_quarantine").columns(columns)
            for row in values[start..<min(values.count, start + chunk)] {
                insert = insert.values(row.map { $0 as any SQLExpression })
            }
            try await insert.ignoringConflicts(with: ["content_hash"]).run()
        }
        var runs: [[SQLValue]] = []
        for start in stride(from: 0, to: hashes.count, by: chunk) {
            let batch = Array(hashes[start..<min(hashes.count, start + chunk)])
            let stored = try await db.select().column("id").from("raw_import_quarantine")
                .where("content_hash", .in, batch).all()
            for row in stored {
                runs.append([.int(try row.decode(column: "id", as: Int.self)), .text(runID), .text(now)])
            }
        }
        try await BulkUpsert(
            table: "raw_import_quarantine_runs", columns: ["quarantine_id", "run_id", "seen_at"],
            key: ["quarantine_id", "run_id"]
        ).run(runs, on: db)
    }

    /// Gives rows quarantined before schema 18 (which has no hash function in SQL) their content hash, once.
    private static func hashLegacyRows(on db: any SQLDatabase) async throws {
        let legacy = try await db.raw(
            """
            SELECT id, file, line, column_name, reason, record FROM raw_import_quarantine WHERE content_hash IS NULL
            """
        ).all()
        for row in legacy {
            let hash = Row.contentHash(
                file: try row.decode(column: "file", as: String.self),
                line: try row.decode(column: "line", as: Int.self),
                column: try row.decode(column: "column_name", as: String?.self),
                reason: try row.decode(column: "reason", as: String.self),
                record: try row.decode(column: "record", as: String.self))
            let id = try row.decode(column: "id", as: Int.self)
            try await db.raw("UPDATE raw_import_quarantine SET content_hash = \(bind: hash) WHERE id = \(bind: id)")
                .run()
        }
    }
}
