import Foundation
import HoopcastStore

/// Why an attempt failed, which decides whether it is retried.
public enum FailureKind: String, Sendable, Codable {
    /// Worth retrying: a lost connection, a lock or statement timeout, a server restart.
    case transient
    /// The attempt ran out of time (retried like a transient error, reported as a timeout).
    case timeout
    /// Retrying cannot help: bad data, a broken invariant, a bug. Failed at once, with the reason.
    case permanent
    /// An upstream job failed, so this one cannot run.
    case upstream
    /// The waiting job's deadline passed with a required upstream missing.
    case deadline
    /// The worker lost its lease (it stopped heartbeating; the job was rescued).
    case lease

    /// Whether another attempt may succeed.
    public var retryable: Bool { self == .transient || self == .timeout || self == .lease }
}

/// An error a step throws to say explicitly how it should be treated.
public struct ClassifiedError: Error, Sendable, CustomStringConvertible {
    public let kind: FailureKind
    public let description: String
    public init(_ kind: FailureKind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// Sorts errors into transient and permanent: unknown errors are permanent (a bug is not fixed by retrying), while
/// the store's connection failures, timeouts and lock conflicts are transient.
public enum FailureClassifier {
    /// The kind of `error`.
    public static func kind(of error: any Error) -> FailureKind {
        if let classified = error as? ClassifiedError { return classified.kind }
        if error is CommittedFailure { return .permanent }  // whatever words its reason contains
        if error is StepTimeout { return .timeout }
        if error is CancellationError { return .transient }
        // The drivers' typed errors (SQLSTATE, SQLite result codes, NIO connection errors).
        if TransientFailure.matches(error) { return .transient }
        // Errors that reach us only as text (a source's HTTP client, a wrapped driver message).
        let text = String(describing: error).lowercased()
        let transientMarkers = [
            "connection", "closed", "57p01", "57p02", "57p03", "40001", "40p01", "55p03", "57014", "53300",
            "database is locked", "sqlite_busy", "timed out", "timeout", "econnrefused", "broken pipe", "reset by peer",
        ]
        if transientMarkers.contains(where: { text.contains($0) }) { return .transient }
        return .permanent
    }
}

/// A step attempt exceeded its time limit (thrown while it was still running).
public struct StepTimeout: Error, Sendable, CustomStringConvertible {
    /// The step that ran out of time.
    public let step: String
    /// Its time limit.
    public let limit: Duration
    public var description: String { "step \(step) exceeded its time limit of \(limit.seconds) s and was abandoned" }
}
