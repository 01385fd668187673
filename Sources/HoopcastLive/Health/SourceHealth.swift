import HoopcastCore

/// One live source's latest ingest outcome: when it was last tried, when it last served a parsed payload, and since
/// when every attempt has failed (nil while it works).
public struct SourceHealth: Sendable, Hashable {
    /// The source (`odds_api`, `nba_cdn`, …).
    public var source: String
    /// The latest ingest that asked it for anything.
    public var lastAttempt: WallInstant
    /// The latest ingest in which it served a parsed payload (nil when it never has).
    public var lastSuccess: WallInstant?
    /// The first failed attempt after its last success (nil when the latest attempt succeeded).
    public var failingSince: WallInstant?
    /// Failed attempts in a row.
    public var failures: Int
    /// The latest failure in words (keys already redacted).
    public var lastError: String?

    /// Creates a record.
    public init(
        source: String, lastAttempt: WallInstant, lastSuccess: WallInstant?, failingSince: WallInstant?,
        failures: Int, lastError: String?
    ) {
        self.source = source
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.failingSince = failingSince
        self.failures = failures
        self.lastError = lastError
    }

    /// How long it has been failing at `now` (zero while it works).
    public func downFor(at now: WallInstant) -> Duration { failingSince.map { now - $0 } ?? .zero }

    /// Each source's outcome in one ingest report: a source succeeded when any of its payloads parsed, failed when
    /// all of them failed (its first failure names why). Sources the report did not ask are absent.
    public static func outcomes(of report: IngestReport) -> [String: (succeeded: Bool, error: String?)] {
        var outcomes: [String: (succeeded: Bool, error: String?)] = [:]
        for payload in report.payloads {
            let source = String(payload.endpoint.prefix { $0 != "." })
            let previous = outcomes[source]
            let succeeded = (previous?.succeeded ?? false) || !payload.failed
            let error =
                previous?.error ?? payload.error.map { "\(payload.endpoint) [\(payload.errorKind ?? "")]: \($0)" }
            outcomes[source] = (succeeded, succeeded ? nil : error)
        }
        return outcomes
    }
}
