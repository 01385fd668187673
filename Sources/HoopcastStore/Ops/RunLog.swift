import Foundation
import SQLKit

/// Records command runs in `ops_runs` (one row per run id: command, start, end, status, error).
public struct RunLog: Sendable {
    /// The store to write to.
    public let store: Store

    /// Creates a run log.
    public init(store: Store) { self.store = store }

    /// A new run id: UTC time plus random bits, sortable and unique across processes.
    public static func newRunID(prefix: String) -> String {
        let stamp = ISO8601DateFormatter().string(from: Date())
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "-", with: "")
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(prefix)-\(stamp)-\(random)"
    }

    /// Records the start of a run.
    public func start(runID: String, command: String) async throws {
        try await store.sql.raw(
            """
            INSERT INTO ops_runs (run_id, command, started_at, status)
            VALUES (\(bind: runID), \(bind: command), \(bind: RunLog.now()), 'running')
            """
        ).run()
    }

    /// Records the end of a run: succeeded when `error` is nil, failed otherwise.
    public func finish(runID: String, error: String?) async throws {
        let status = error == nil ? "succeeded" : "failed"
        try await store.sql.raw(
            """
            UPDATE ops_runs SET finished_at = \(bind: RunLog.now()), status = \(bind: status), error = \(bind: error)
            WHERE run_id = \(bind: runID)
            """
        ).run()
    }

    /// The current UTC time in ISO-8601 with milliseconds.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
