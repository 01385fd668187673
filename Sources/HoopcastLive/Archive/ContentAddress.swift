import Crypto

/// The archive's content address of a payload: its SHA-256 (swift-crypto) as 64 lower-case hex digits.
public enum ContentAddress {
    /// The SHA-256 digest of `bytes` as hex.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
