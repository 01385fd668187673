import SQLKit

/// A command run as `ops_runs` recorded it.
public struct RecordedRun: Sendable, Hashable {
    public var runID: String
    /// The command line it ran (`import DIR`, `ingest --date D --phase P`, `run --date D`, …).
    public var command: String
    /// When it started (ISO-8601 UTC).
    public var startedAt: String

    /// Creates a run.
    public init(runID: String, command: String, startedAt: String) {
        self.runID = runID
        self.command = command
        self.startedAt = startedAt
    }
}

extension RunLog {
    /// The recorded runs among `ids` (ids never recorded are left out; one query per 500 ids).
    public func runs(_ ids: Set<String>) async throws -> [RecordedRun] {
        var runs: [RecordedRun] = []
        let sorted = ids.sorted()
        for start in stride(from: 0, to: sorted.count, by: 500) {
            runs += try await store.sql.raw(
                """
                SELECT run_id, command, started_at FROM ops_runs
                WHERE run_id IN (\(binds: Array(sorted[start..<min(start + 500, sorted.count)])))
                ORDER BY run_id
                """
            ).all().map { row in
                RecordedRun(
                    runID: try row.value("run_id"), command: try row.value("command"),
                    startedAt: try row.value("started_at"))
            }
        }
        return runs
    }
}
