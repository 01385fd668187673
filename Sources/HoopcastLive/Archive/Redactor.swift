/// Removes secret values (API keys) from anything that is logged, archived or stored, in every encoding a server
/// may echo them in.
///
/// A key with URL-reserved characters travels percent-encoded, and a server may echo it back percent-encoded (either
/// hex case, or twice), form-encoded, form-decoded (a `+` read as a space), JSON-escaped or HTML-escaped, or any
/// mixture of these character by character (see ``SecretPattern``). Every such occurrence becomes `REDACTED`.
///
/// ```swift
/// Redactor(secrets: ["sk+probe/SECRET 99&x=1"]).scrub(#"{"echo":"apiKey=sk%2Bprobe%2FSECRET%2099%26x%3D1"}"#)
/// // {"echo":"apiKey=REDACTED"}
/// ```
public struct Redactor: Sendable {
    /// The values to remove.
    public let secrets: [String]
    /// One pattern per secret, longest first (so that a secret containing another is removed whole).
    private let patterns: [SecretPattern]

    /// The text that replaces a secret.
    public static let replacement = "REDACTED"

    /// A redactor for `secrets` (values shorter than 4 characters ignored: they would match ordinary text).
    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }
        patterns = self.secrets.sorted { $0.utf8.count > $1.utf8.count }.map(SecretPattern.init)
    }

    /// `text` with every encoding of every secret replaced by `REDACTED`.
    public func scrub(_ text: String) -> String {
        guard !patterns.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let scrubbed = scrub(bytes)
        return scrubbed == bytes ? text : String(decoding: scrubbed, as: UTF8.self)
    }

    /// `bytes` with every encoding of every secret replaced by `REDACTED` (a source that echoes the key must not
    /// put it in the archive).
    public func scrub(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        let replacement = Array(Redactor.replacement.utf8)
        for pattern in patterns {
            if let replaced = pattern.replacing(in: result, with: replacement) { result = replaced }
        }
        return result
    }
}
