import Foundation

/// A plain-text alert email: a subject and a body, rendered as RFC 5322 text ready for SMTP `DATA`.
///
/// Rendering is pure: the date and Message-ID come in as arguments, so a test can compare the exact text.
/// The body goes out as `8bit` when the server announces `8BITMIME` (and no line is over 998 octets, the SMTP
/// limit): readable on the wire and in any mail log, and every current server announces it. Otherwise it goes out
/// as `base64`, which any server carries unchanged.
public struct SMTPMessage: Sendable, Hashable {
    /// How the body is encoded (`Content-Transfer-Encoding`).
    public enum TransferEncoding: String, Sendable, Hashable {
        /// UTF-8 text as is; needs the server's `8BITMIME` (the client then sends `BODY=8BITMIME`).
        case eightBit = "8bit"
        /// Base64 in lines of 76 characters: survives any server.
        case base64
    }

    /// The subject, any Unicode text without control characters (non-ASCII is sent RFC 2047-encoded).
    public var subject: String
    /// The plain-text body; any line ending (`\n`, `\r\n`, `\r`) is sent as CRLF.
    public var body: String

    /// A message with `subject` and a plain-text `body`.
    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// Throws ``SMTPError/invalidSetting(name:value:reason:)`` naming `subject` when it holds a control character
    /// (CR or LF would inject headers).
    public func validate() throws(SMTPError) {
        if subject.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            throw .invalidSetting(
                name: "subject", value: SMTPError.shown(subject),
                reason: "control characters (CR, LF) in a subject would inject headers")
        }
    }

    /// The encoding to use with a server that does, or does not, announce `8BITMIME`.
    public func transferEncoding(serverAccepts8BitMIME: Bool) -> TransferEncoding {
        let sendable = bodyLines.allSatisfy { $0.utf8.count <= 998 && !$0.utf8.contains(0) }
        return serverAccepts8BitMIME && sendable ? .eightBit : .base64
    }

    /// The SMTP `DATA` payload: headers and body with CRLF line endings, dot-stuffed (a line starting with "."
    /// gets another one, RFC 5321 §4.5.2), ending with CRLF. The sender adds the closing `.` line.
    ///
    /// - Parameters:
    ///   - from: the `From:` address; `to`: the `To:` addresses (validated as in ``SMTPSettings``).
    ///   - date: the `Date:` header, written in UTC.
    ///   - messageID: the whole `Message-ID:` value, e.g. from ``randomMessageID(heloName:)``.
    public func rendered(
        from: String, to: [String], date: Date, messageID: String, encoding: TransferEncoding
    ) throws(SMTPError) -> String {
        try validate()
        for (name, address) in [("from", from)] + to.enumerated().map({ ("recipients[\($0)]", $1) }) {
            if let reason = SMTPSettings.addressProblem(address) {
                throw .invalidSetting(name: name, value: SMTPError.shown(address), reason: reason)
            }
        }
        guard messageID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .invalidSetting(
                name: "messageID", value: SMTPError.shown(messageID), reason: "printable ASCII without spaces")
        }
        var lines = [
            "From: \(from)",
            "To: \(to.joined(separator: ", "))",
            Self.subjectHeader(subject),
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(encoding.rawValue)",
            "",
        ]
        switch encoding {
        case .eightBit:
            lines += bodyLines
        case .base64:
            let text = bodyLines.map { $0 + "\r\n" }.joined()
            let encoded = Array(Data(text.utf8).base64EncodedString().utf8)
            lines += stride(from: 0, to: encoded.count, by: 76).map { start in
                String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self)
            }
        }
        return lines.map { ($0.hasPrefix(".") ? "." + $0 : $0) + "\r\n" }.joined()
    }

    /// A fresh `Message-ID` value, `<32 random hex digits@heloName>`.
    public static func randomMessageID(heloName: String) -> String {
        let random = (0..<2).map { _ in
            let hex = String(UInt64.random(in: .min ... .max), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return "<\(random.joined())@\(heloName)>"
    }

    /// The body split at any line ending, without the empty line after a final line ending.
    private var bodyLines: [String] {
        var lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(String.init)
    }

    /// `Subject: …`, as is when printable ASCII that fits in 78 columns, else RFC 2047 `B` encoded-words of at
    /// most 42 UTF-8 bytes each (whole characters), folded one per line.
    static func subjectHeader(_ subject: String) -> String {
        let plain = subject.unicodeScalars.allSatisfy { $0.isASCII } && !subject.contains("=?")
        if plain && "Subject: \(subject)".utf8.count <= 78 { return "Subject: \(subject)" }
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in subject.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 42 {
                words.append(chunk.base64Word)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(chunk.base64Word) }
        return "Subject: " + words.joined(separator: "\r\n ")
    }

    /// `date` as RFC 5322 `date-time` in UTC: `Thu, 05 Dec 2024 17:11:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(days[parts.weekday! - 1]), \(two(parts.day)) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}

extension [UInt8] {
    /// These UTF-8 bytes as one RFC 2047 encoded-word, `=?utf-8?B?…?=`.
    fileprivate var base64Word: String { "=?utf-8?B?\(Data(self).base64EncodedString())?=" }
}
