/// Why an alert email was not sent: each case carries what a person needs to fix it, and never a secret.
///
/// The password, and the base64 forms of the credentials sent in `AUTH`, are never stored in an error: settings
/// errors about the password say `(hidden)`, and server text quoted after `AUTH` has them removed.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A setting or message field is unusable; `value` is shown escaped and shortened, `(hidden)` for secrets.
    case invalidSetting(name: String, value: String, reason: String)
    /// No TCP connection could be made (refused, unreachable, name not resolved).
    case connectFailed(host: String, port: Int, reason: String)
    /// The server did not answer `stage` (or the connection was not made) within `limit`.
    case timeout(stage: String, limit: Duration)
    /// The connection ended, or failed, during `stage`.
    case connectionLost(stage: String, reason: String)
    /// The server answered `stage` with a reply other than the expected one.
    case unexpectedReply(stage: String, code: Int, text: String)
    /// The server broke the protocol: a malformed reply line, or data sent where none may be.
    case protocolViolation(stage: String, detail: String)
    /// Security is `startTLS` but the server did not offer `STARTTLS`; nothing else (no credentials) was sent.
    case starttlsNotOffered(host: String)
    /// The TLS handshake (certificate verification included) or the TLS layer failed during `stage`.
    case tlsFailed(stage: String, reason: String)
    /// Credentials are set but the server offers neither `AUTH PLAIN` nor `AUTH LOGIN`.
    case authenticationUnavailable(offered: [String])
    /// The server refused the credentials (typically 535).
    case authenticationFailed(code: Int, text: String)

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let reason):
            return "SMTP setting \(name) = \"\(value)\" is invalid: \(reason)"
        case .connectFailed(let host, let port, let reason):
            return "SMTP: cannot connect to \(host):\(port): \(reason)"
        case .timeout(let stage, let limit):
            return "SMTP: no answer to \(stage) within \(limit)"
        case .connectionLost(let stage, let reason):
            return "SMTP: connection lost during \(stage): \(reason)"
        case .unexpectedReply(let stage, let code, let text):
            return "SMTP: server answered \(stage) with \(code) \(text)"
        case .protocolViolation(let stage, let detail):
            return "SMTP: protocol violation during \(stage): \(detail)"
        case .starttlsNotOffered(let host):
            return "SMTP: \(host) does not offer STARTTLS; refusing to continue unencrypted (nothing was sent)"
        case .tlsFailed(let stage, let reason):
            return "SMTP: TLS failed during \(stage): \(reason)"
        case .authenticationUnavailable(let offered):
            let list = offered.isEmpty ? "none" : offered.joined(separator: " ")
            return "SMTP: server offers no supported AUTH mechanism (PLAIN, LOGIN); it offers: \(list)"
        case .authenticationFailed(let code, let text):
            return "SMTP: authentication refused with \(code) \(text)"
        }
    }

    /// `value` made safe to show: control characters escaped (`\r`, `\n`, `\u{..}`), at most `limit` characters.
    static func shown(_ value: some StringProtocol, limit: Int = 200) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            guard result.count < limit else {
                result += "…"
                break
            }
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
