/// A 64-bit FNV-1a hash that is stable across runs and platforms (unlike `Hasher`): for change detection.
public struct StableHash: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A fresh hash.
    public init() {}

    /// Mixes in bytes.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    /// Mixes in a string's UTF-8 bytes.
    public mutating func combine(_ text: String) { combine(text.utf8) }

    /// Mixes in one byte.
    @inlinable
    public mutating func combine(byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* 0x0000_0100_0000_01B3
    }

    /// Mixes in the 8 bytes of `value`, least significant first.
    @inlinable
    public mutating func combine(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(byte: UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Mixes in a buffer of bytes.
    @inlinable
    public mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { combine(byte: byte) }
    }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let text = String(state, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
