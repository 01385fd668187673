import HoopcastCore

/// A stable hash of a row's values: detects changed rows so that re-runs write nothing.
///
/// Each value is mixed in as a type tag and its bytes — an integer's 8 bytes, a double's bit pattern (so `0.0` and
/// `-0.0` differ), a text's length and UTF-8 bytes — without formatting anything as text. (Until schema 16 values were
/// formatted as text first; stores written then have other hashes, so their first re-run rewrites each row once.)
public enum ContentHash {
    /// The hash of a row's values, as 16 hex digits (type-tagged, so `1` and `"1"` differ).
    public static func of(_ values: [SQLValue]) -> String {
        var hash = StableHash()
        for value in values {
            switch value {
            case .int(let number):
                hash.combine(byte: 1)
                hash.combine(UInt64(bitPattern: Int64(number)))
            case .double(let number):
                hash.combine(byte: 2)
                hash.combine(number.bitPattern)
            case .text(let text):
                hash.combine(byte: 3)
                var text = text
                text.withUTF8 { bytes in
                    hash.combine(UInt64(bytes.count))
                    hash.combine(bytes)
                }
            case .null: hash.combine(byte: 0)
            }
        }
        return hash.hex
    }
}
