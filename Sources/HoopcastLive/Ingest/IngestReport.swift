/// The result of `hoopcast ingest` for one date.
public struct IngestReport: Sendable, Codable {
    /// The run id (in `ops_runs`, on every written row and manifest entry).
    public var runID: String
    /// The date ingested.
    public var date: String
    /// The phase run.
    public var phase: String
    /// Scheduled games found for the date.
    public var scheduledGames: Int
    /// Every payload's outcome, in request order.
    public var payloads: [PayloadOutcome]
    /// Why requests were not made (a keyed source without its key, …).
    public var skipped: [String]

    /// True when any payload failed or never arrived: the step failed, whatever else was written.
    public var failed: Bool { payloads.contains(where: \.failed) || payloads.isEmpty && skipped.isEmpty }

    /// Rows inserted or updated over all payloads.
    public var rowsChanged: Int { payloads.flatMap(\.writes).reduce(0) { $0 + $1.inserted + $1.updated } }
}
