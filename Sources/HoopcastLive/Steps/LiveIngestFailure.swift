import HoopcastEngine

/// An ingest step's fetch that did not bring the whole date: every failed payload, with its kind and where.
public struct LiveIngestFailure: Error, Sendable, CustomStringConvertible {
    /// Kinds a later attempt may cure: the source did not answer (or answered 5xx until the client gave up), served
    /// an error page or an empty body, or did not have the rows yet.
    public static let transientKinds: Set<String> = ["fetch", "http_status", "html", "empty_body", "no_rows"]

    /// The step (`ingest.pretip`).
    public let step: String
    /// The fetch's report (payload outcomes without writes).
    public let report: IngestReport

    /// Transient when every failure is of a ``transientKinds`` kind (the queue retries with backoff); otherwise
    /// permanent (a schema drift, invalid JSON, a missing key or schedule: failed at once, `jobs retry` re-runs it).
    public var kind: FailureKind {
        let kinds = report.payloads.filter(\.failed).map { $0.errorKind ?? "" }
        guard !kinds.isEmpty else { return .permanent }  // nothing was asked for: a configuration, not an outage
        return kinds.allSatisfy(LiveIngestFailure.transientKinds.contains) ? .transient : .permanent
    }

    /// The failure as the queue classifies it.
    public var classified: ClassifiedError { ClassifiedError(kind, description) }

    /// `ingest.pretip 2025-03-15: 2 of 5 payloads failed: odds_api.events [fetch] …; …` (keys already redacted).
    public var description: String {
        let failed = report.payloads.filter(\.failed)
        guard !failed.isEmpty else {
            return "\(step) \(report.date): nothing was fetched (no endpoint of the phase among the selected sources)"
        }
        let listed = failed.prefix(10).map { payload in
            let target = payload.parameters.isEmpty ? "" : " \(payload.parameters)"
            return "\(payload.endpoint)\(target) [\(payload.errorKind ?? "")]: \(payload.error ?? "")"
        }
        let more = failed.count > 10 ? "; and \(failed.count - 10) more" : ""
        return "\(step) \(report.date): \(failed.count) of \(report.payloads.count) payloads failed: "
            + listed.joined(separator: "; ") + more
    }
}
