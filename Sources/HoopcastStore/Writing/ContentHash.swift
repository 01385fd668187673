/// A stable 64-bit FNV-1a hash of a row's values: detects changed rows so that re-runs write nothing.
public enum ContentHash {
    /// The hash of a row's values, as 16 hex digits.
    public static func of(_ values: [SQLValue]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        for value in values {
            switch value {
            case .int(let number): mix("i\(number)".utf8)
            case .double(let number): mix("d\(number)".utf8)
            case .text(let text): mix("t".utf8); mix(text.utf8)
            case .null: mix("n".utf8)
            }
            mix([0x1F])
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
