import HoopcastCore

/// A date's payloads fetched, archived and parsed by ``LiveIngestor/fetch(date:phase:sources:oddsSnapshot:runID:)``,
/// not yet written: ``LiveIngestor/write(_:on:)`` writes them in one transaction.
public struct FetchedDate: Sendable {
    /// The date ingested.
    public var date: GameDate
    /// The phase run.
    public var phase: IngestPhase
    /// The run id stamped on rows and manifest entries.
    public var runID: String
    /// Scheduled games found for the date (stored, or in this run's schedule).
    public var scheduledGames: Int
    /// Every payload in request order (with the pseudo-outcomes of a missing key or schedule).
    public var payloads: [PayloadProcessor.Prepared]
    /// Why requests were not made.
    public var skipped: [String]

    /// The report before writing: outcomes without writes.
    public var report: IngestReport {
        IngestReport(
            runID: runID, date: date.description, phase: phase.rawValue, scheduledGames: scheduledGames,
            payloads: payloads.map(\.outcome), skipped: skipped)
    }

    /// True when any payload failed or never arrived (see ``IngestReport/failed``).
    public var failed: Bool { report.failed }
}
