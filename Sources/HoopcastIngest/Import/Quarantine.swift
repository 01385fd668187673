import Foundation
import HoopcastStore
import SQLKit

/// Rejected input rows, kept with their reason in `raw_import_quarantine`.
struct Quarantine: Sendable {
    /// One rejected row.
    struct Row: Sendable {
        let issue: ImportIssue
        /// The original record text (fields re-joined with commas).
        let record: String
    }

    let store: Store

    /// Records rows in their own transaction.
    func record(_ rows: [Row], runID: String) async throws {
        try await store.transaction { db in try await Quarantine.insert(rows, runID: runID, on: db) }
    }

    static func insert(_ rows: [Row], runID: String, on db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        let values: [[SQLValue]] = rows.map { row in
            [.text(runID), .text(row.issue.file), .int(row.issue.line), .text(row.issue.column), .text(row.issue.value),
             .text(row.issue.reason), .text(row.record), .text(now)]
        }
        // The quarantine has a surrogate id: each run's rejections are kept (no natural key to conflict on).
        let columns = ["run_id", "file", "line", "column_name", "value", "reason", "record", "created_at"]
        try await BulkUpsert.insertOnly(table: "raw_import_quarantine", columns: columns).run(values, on: db)
    }
}
