import Foundation

/// A running job leased by a worker: who holds it and until when (what a waiting command reports).
public struct HeldLease: Sendable, Hashable, CustomStringConvertible {
    /// The job's key.
    public let jobKey: String
    /// The worker holding the lease.
    public let owner: String
    /// The run (correlation id) the job belongs to.
    public let correlationID: String
    /// When the lease runs out unless the worker renews it.
    public let expiresAt: Date

    /// Creates a description of a lease.
    public init(jobKey: String, owner: String, correlationID: String, expiresAt: Date) {
        self.jobKey = jobKey
        self.owner = owner
        self.correlationID = correlationID
        self.expiresAt = expiresAt
    }

    /// `job KEY held by worker W (run R) until T`.
    public var description: String {
        "\(jobKey) held by worker \(owner) (run \(correlationID)) until \(QueueTime.text(expiresAt))"
    }
}
