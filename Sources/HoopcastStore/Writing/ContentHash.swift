import HoopcastCore

/// A stable hash of a row's values: detects changed rows so that re-runs write nothing.
public enum ContentHash {
    /// The hash of a row's values, as 16 hex digits (type-tagged, so `1` and `"1"` differ).
    public static func of(_ values: [SQLValue]) -> String {
        var hash = StableHash()
        for value in values {
            switch value {
            case .int(let number): hash.combine("i\(number)")
            case .double(let number): hash.combine("d\(number)")
            case .text(let text): hash.combine("t"); hash.combine(text)
            case .null: hash.combine("n")
            }
            hash.combine([0x1F])
        }
        return hash.hex
    }
}
