import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit

extension JobQueue {
    /// The running jobs whose lease is held by a worker other than `owner` (or whose name does not start with
    /// `owner/`, the slots of a concurrent worker), optionally only those of `dates`, by soonest expiry.
    public func leasesHeld(notBy owner: String, dates: [GameDate]? = nil) async throws -> [HeldLease] {
        let scope: SQLQueryString = dates.map { " AND partition_date IN (\(binds: $0.map(\.description)))" } ?? ""
        return try await store.sql.raw(
            """
            SELECT job_key, lease_owner, correlation_id, lease_expires_at FROM ops_jobs
            WHERE status = 'running' AND lease_owner IS NOT NULL\(scope)
            ORDER BY lease_expires_at, job_key
            """
        ).all().compactMap { row -> HeldLease? in
            let holder = try row.value("lease_owner", as: String.self)
            guard holder != owner, !holder.hasPrefix(owner + "/") else { return nil }
            let expiresText = try row.value("lease_expires_at", as: String?.self) ?? ""
            guard let expires = QueueTime.date(expiresText) else {
                throw StoreError(.decodingFailed, "ops_jobs.lease_expires_at is '\(expiresText)', not a time")
            }
            return HeldLease(
                jobKey: try row.value("job_key", as: String.self), owner: holder,
                correlationID: try row.value("correlation_id", as: String.self), expiresAt: expires)
        }
    }

    /// The jobs of `keys` that belong to another run than `correlationID`, with their run, status and holder.
    public func jobsOfOtherRuns(_ keys: [String], correlationID: String) async throws -> [ForeignJob] {
        guard !keys.isEmpty else { return [] }
        return try await store.sql.raw(
            """
            SELECT job_key, status, correlation_id, lease_owner, lease_expires_at FROM ops_jobs
            WHERE job_key IN (\(binds: keys)) AND correlation_id <> \(bind: correlationID)
            ORDER BY job_key
            """
        ).all().map { row in
            let key = try row.value("job_key", as: String.self)
            return ForeignJob(
                jobKey: key, status: try JobBoard.status(row, key: key),
                correlationID: try row.value("correlation_id", as: String.self),
                owner: try row.value("lease_owner", as: String?.self),
                expiresAt: try row.value("lease_expires_at", as: String?.self).flatMap(QueueTime.date))
        }
    }
}

/// A job that another run has opened (and perhaps a worker of it holds): why a run could not finish it.
public struct ForeignJob: Sendable, Hashable, CustomStringConvertible {
    /// The job's key.
    public let jobKey: String
    /// Its state in the queue (waiting, queued or running).
    public let status: JobStatus
    /// The run it belongs to.
    public let correlationID: String
    /// The worker holding it, when running.
    public let owner: String?
    /// When that worker's lease runs out.
    public let expiresAt: Date?

    /// `status in run R` or `running in run R, held by worker W until T`.
    public var description: String {
        guard let owner else { return "\(status.rawValue) in run \(correlationID)" }
        let until = expiresAt.map { " until \(QueueTime.text($0))" } ?? ""
        return "\(status.rawValue) in run \(correlationID), held by worker \(owner)\(until)"
    }
}

extension JobQueue {
    /// Removes every job, dependency and event: for a scratch store of one's own (the queue benchmark), never a
    /// warehouse in use.
    public func removeEveryJob() async throws {
        switch store.dialect {
        case .postgres:
            try await store.sql.raw("TRUNCATE ops_pipeline_events, ops_job_dependencies, ops_jobs").run()
        case .sqlite:
            try await store.transaction { db in
                for statement: SQLQueryString in [
                    "DELETE FROM ops_pipeline_events", "DELETE FROM ops_job_dependencies", "DELETE FROM ops_jobs",
                ] {
                    try await db.raw(statement).run()
                }
            }
        }
    }
}
