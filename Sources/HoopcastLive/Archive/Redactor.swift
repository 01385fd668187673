/// Removes secret values (API keys) from anything that is logged, archived or stored.
public struct Redactor: Sendable {
    /// The values to remove.
    public let secrets: [String]

    /// A redactor for `secrets` (empty strings ignored).
    public init(secrets: [String]) { self.secrets = secrets.filter { $0.count >= 4 } }

    /// `text` with every secret replaced by `REDACTED`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "REDACTED")
        }
        return result
    }

    /// `bytes` with every secret replaced by `REDACTED` (a source that echoes the key must not put it in the
    /// archive).
    public func scrub(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for secret in secrets {
            let needle = Array(secret.utf8)
            guard result.count >= needle.count else { continue }
            var output: [UInt8] = []
            output.reserveCapacity(result.count)
            var index = 0
            var changed = false
            while index < result.count {
                if result[index] == needle[0], index + needle.count <= result.count,
                   result[index..<(index + needle.count)].elementsEqual(needle) {
                    output.append(contentsOf: Array("REDACTED".utf8))
                    index += needle.count
                    changed = true
                } else {
                    output.append(result[index])
                    index += 1
                }
            }
            if changed { result = output }
        }
        return result
    }
}
