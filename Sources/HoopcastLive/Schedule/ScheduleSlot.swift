import Foundation
import HoopcastCore
import HoopcastEngine

/// One scheduled ingest: a phase for a game date at an instant.
public struct ScheduleSlot: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The phase to ingest.
    public let phase: IngestPhase
    /// The game date it ingests.
    public let date: GameDate
    /// When it is due (UTC instant).
    public let at: Date

    /// Creates a slot.
    public init(phase: IngestPhase, date: GameDate, at: Date) {
        self.phase = phase
        self.date = date
        self.at = at
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of ``at``.
    public var instant: String { LiveIngestor.iso(at.timeIntervalSince1970) }

    /// The job that runs this slot: step `ingest.<phase>` for ``date`` with the slot time as its argument, so each
    /// slot is its own job (queued once, however often the scheduler restarts) and a phase can run many times a day
    /// (`ingest.pretip/2025-03-15/{"slot":"2025-03-15T16:00:00Z"}`).
    public func job(maxAttempts: Int = 3, timeout: Duration = LiveIngestStep.defaultTimeout) -> JobSpec {
        JobSpec(
            step: LiveIngestStep.name(of: phase), date: date, arguments: #"{"slot":"\#(instant)"}"#,
            maxAttempts: maxAttempts, timeout: timeout)
    }

    /// `pretip 2025-03-15 at 2025-03-15T16:00:00Z`.
    public var description: String { "\(phase.rawValue) \(date) at \(instant)" }

    public static func < (lhs: ScheduleSlot, rhs: ScheduleSlot) -> Bool {
        (lhs.at, lhs.date, lhs.phase.rawValue) < (rhs.at, rhs.date, rhs.phase.rawValue)
    }
}
