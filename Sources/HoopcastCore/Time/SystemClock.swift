import Foundation

/// The system's wall clock (UTC) and real sleeping.
///
/// Instants follow the system time, so they agree across processes and machines (a lease written by one worker is
/// read by another); an elapsed time is the difference of two readings, never negative where it is reported.
public struct SystemClock: WallClock {
    /// The system clock.
    public init() {}

    public var now: WallInstant { WallInstant(Date()) }

    public var minimumResolution: Duration { .microseconds(1) }

    /// Suspends until `deadline` on this clock (at once when it has passed); throws when the task is cancelled.
    public func sleep(until deadline: WallInstant, tolerance: Duration? = nil) async throws {
        let wait = now.duration(to: deadline)
        guard wait > .zero else { return }
        try await Task.sleep(for: wait, tolerance: tolerance)
    }
}
