import HoopcastCore

/// A UTC time to the second, read from and written as `YYYY-MM-DDTHH:MM:SSZ` (the form the injury reports use).
public struct UTCInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int

    /// Creates an instant from seconds since the epoch.
    public init(seconds: Int) { self.seconds = seconds }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
            let date = GameDate(text.prefix(10)),
            let hour = Int(text.dropFirst(11).prefix(2)), (0..<24).contains(hour),
            let minute = Int(text.dropFirst(14).prefix(2)), (0..<60).contains(minute),
            let second = Int(text.dropFirst(17).prefix(2)), (0..<60).contains(second)
        else { return nil }
        seconds = date.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// `minutes` earlier.
    public func minus(minutes: Int) -> UTCInstant { UTCInstant(seconds: seconds - minutes * 60) }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        let day = seconds.quotientFloor(86_400), rest = seconds - day * 86_400
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(GameDate(dayNumber: day))T\(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60))Z"
    }

    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool { lhs.seconds < rhs.seconds }
}

extension Int {
    /// Division rounding towards minus infinity.
    fileprivate func quotientFloor(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
