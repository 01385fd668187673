import Foundation

/// A point in time as an offset from the Unix epoch (1970-01-01T00:00:00Z): the instant of every ``WallClock``.
///
/// Arithmetic is exact (``Duration`` counts attoseconds), so a test clock moved by whole seconds yields whole-second
/// instants and delays. ``date`` and ``init(_:)`` convert at the edges that need Foundation's `Date` (the queue's
/// timestamps in the store, the schedule's calendar).
public struct WallInstant: InstantProtocol, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The time since the Unix epoch (negative before it).
    public var sinceEpoch: Duration

    /// The instant `sinceEpoch` after 1970-01-01T00:00:00Z.
    public init(sinceEpoch: Duration) { self.sinceEpoch = sinceEpoch }

    /// The instant of `date`.
    public init(_ date: Date) { self.init(sinceEpoch: .seconds(date.timeIntervalSince1970)) }

    /// 1970-01-01T00:00:00Z.
    public static let epoch = WallInstant(sinceEpoch: .zero)

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: sinceEpoch.seconds) }

    public func advanced(by duration: Duration) -> WallInstant { WallInstant(sinceEpoch: sinceEpoch + duration) }

    public func duration(to other: WallInstant) -> Duration { other.sinceEpoch - sinceEpoch }

    public static func < (lhs: WallInstant, rhs: WallInstant) -> Bool { lhs.sinceEpoch < rhs.sinceEpoch }

    /// The instant `rhs` after `lhs`.
    public static func + (lhs: WallInstant, rhs: Duration) -> WallInstant { lhs.advanced(by: rhs) }

    /// The instant `rhs` before `lhs`.
    public static func - (lhs: WallInstant, rhs: Duration) -> WallInstant { lhs.advanced(by: .zero - rhs) }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: WallInstant, rhs: WallInstant) -> Duration { rhs.duration(to: lhs) }

    /// ISO 8601 in UTC with milliseconds (`2025-03-15T13:00:00.000Z`).
    public var description: String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses ISO 8601 in UTC, with or without fractional seconds (what ``description`` writes); nil otherwise.
    public init?(iso8601 text: String) {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        let plain = Date.ISO8601FormatStyle(timeZone: .gmt)
        guard let date = (try? withFraction.parse(text)) ?? (try? plain.parse(text)) else { return nil }
        self.init(date)
    }
}
