import Foundation

/// Time for the HTTP client: the current instant and a way to wait. Injectable so that tests control time.
public protocol LiveClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    func now() -> Double
    /// Waits `seconds` (or returns at once in tests); throws when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The wall clock and real sleeping.
public struct SystemClock: LiveClock {
    /// Creates the wall clock.
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
