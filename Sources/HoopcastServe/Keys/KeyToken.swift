import Crypto

/// The text of an API key, `hc_<id>_<secret>`: the id finds the stored row, the secret proves possession. Only the
/// secret's SHA-256 is stored; the secret is random (190 bits), so a plain hash suffices (no password stretching).
public struct KeyToken: Sendable, Hashable, CustomStringConvertible {
    /// The row's id: 12 characters of `[a-z0-9]`.
    public let id: String
    /// 37 characters of `[a-z0-9]`.
    let secret: String

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// A new random key (the system's cryptographic generator).
    public static func generate() -> KeyToken {
        var generator = SystemRandomNumberGenerator()
        func random(_ count: Int) -> String {
            String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
        }
        return KeyToken(id: random(12), secret: random(37))
    }

    /// Parses a presented key; nil when it does not have the shape of one.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "hc", parts[1].count == 12, parts[2].count == 37,
            (String(parts[1]) + String(parts[2])).allSatisfy({ KeyToken.alphabet.contains($0) })
        else { return nil }
        self.init(id: String(parts[1]), secret: String(parts[2]))
    }

    init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// The whole key, shown once to whoever creates it.
    public var description: String { "hc_\(id)_\(secret)" }

    /// Hex SHA-256 of the secret: what the store keeps.
    var secretSHA256: String { SHA256.hash(data: Array(secret.utf8)).map { byteHex($0) }.joined() }

    /// Whether the secret hashes to `storedHex`, comparing every byte whatever the first difference (constant time
    /// in the position of a mismatch).
    func matches(storedHex: String) -> Bool {
        let presented = Array(secretSHA256.utf8), stored = Array(storedHex.utf8)
        guard presented.count == stored.count else { return false }
        var difference: UInt8 = 0
        for index in presented.indices { difference |= presented[index] ^ stored[index] }
        return difference == 0
    }
}

private func byteHex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
}
