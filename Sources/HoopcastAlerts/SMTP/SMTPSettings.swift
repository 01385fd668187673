import NIOCore

/// How the connection to the SMTP server is protected.
public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP upgraded with `STARTTLS` (submission, port 587). The server must offer `STARTTLS`: if it does not,
    /// sending stops before anything else is said.
    case startTLS
    /// TLS from the first byte (submissions, port 465).
    case implicitTLS
    /// No encryption at all: only to a loopback host (a local relay).
    case plaintext

    /// The usual port for this kind of security: 587, 465 or 25.
    public var defaultPort: Int {
        switch self {
        case .startTLS: return 587
        case .implicitTLS: return 465
        case .plaintext: return 25
        }
    }
}

/// Where and how alert emails are sent: server, security, credentials, envelope and time limits.
///
/// Validated when made: an unusable value throws ``SMTPError/invalidSetting(name:value:reason:)`` naming the field.
/// `plaintext` is refused unless the host is a loopback address (`localhost`, `127.0.0.0/8`, `::1`).
///
/// ```swift
/// let settings = try SMTPSettings(
///     host: "smtp.example.com", username: "alerts", password: secret,
///     from: "alerts@example.com", recipients: ["oncall@example.com"])
/// ```
public struct SMTPSettings: Sendable, CustomStringConvertible {
    /// The server's host name (also the name its certificate must carry) or IP address.
    public let host: String
    /// The server's TCP port.
    public let port: Int
    /// How the connection is protected.
    public let security: SMTPSecurity
    /// The login for `AUTH`; nil to send without authenticating.
    public let username: String?
    /// The password for `AUTH`; set exactly when ``username`` is. Never shown in ``description`` or errors.
    public let password: String?
    /// The envelope sender (`MAIL FROM`) and the `From:` header, a bare address (`alerts@example.com`).
    public let from: String
    /// The envelope recipients (`RCPT TO`) and the `To:` header: bare addresses, at least one.
    public let recipients: [String]
    /// A PEM file of CA certificates trusted in addition to the system roots (a self-hosted server's own CA).
    public let caCertificateFile: String?
    /// The name this client gives in `EHLO`, and the domain of the `Message-ID`.
    public let heloName: String
    /// The longest wait for each server reply (and each write).
    public let commandTimeout: Duration
    /// The longest wait for the TCP connection (name resolution included).
    public let connectTimeout: Duration

    /// Validated settings; `port` defaults to ``SMTPSecurity/defaultPort``.
    public init(
        host: String, port: Int? = nil, security: SMTPSecurity = .startTLS, username: String? = nil,
        password: String? = nil, from: String, recipients: [String], caCertificateFile: String? = nil,
        heloName: String = "hoopcast.local", commandTimeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10)
    ) throws(SMTPError) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.recipients = recipients
        self.caCertificateFile = caCertificateFile
        self.heloName = heloName
        self.commandTimeout = commandTimeout
        self.connectTimeout = connectTimeout
        try validate()
    }

    /// Whether ``host`` is a loopback address: `localhost`, an IPv4 address in `127.0.0.0/8`, or `::1`.
    public var hostIsLoopback: Bool { Self.isLoopback(host) }

    public var description: String {
        let credentials = username.map { "user \($0), password set" } ?? "no credentials"
        let ca = caCertificateFile.map { ", extra CA \($0)" } ?? ""
        return "SMTP \(security) \(host):\(port), \(credentials), from \(from) to \(recipients.joined(separator: ", "))"
            + "\(ca), helo \(heloName), timeouts: command \(commandTimeout), connect \(connectTimeout)"
    }

    private func validate() throws(SMTPError) {
        func invalid(_ name: String, _ value: String, _ reason: String) -> SMTPError {
            .invalidSetting(name: name, value: SMTPError.shown(value), reason: reason)
        }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw invalid("host", host, "a host name or IP address: printable ASCII without spaces")
        }
        guard (1...65535).contains(port) else { throw invalid("port", String(port), "must be 1…65535") }
        if security == .plaintext && !hostIsLoopback {
            throw invalid("security", "plaintext", "plaintext is allowed only to a loopback host, not \(host)")
        }
        switch (username, password) {
        case (nil, nil): break
        case (let user?, let password?):
            guard !user.isEmpty, !user.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw invalid("username", user, "must be non-empty, without control characters")
            }
            guard !password.isEmpty, !password.unicodeScalars.contains(where: { $0.value == 0 }) else {
                throw .invalidSetting(name: "password", value: "(hidden)", reason: "must be non-empty, without NUL")
            }
        case (nil, _?): throw .invalidSetting(name: "username", value: "", reason: "a password needs a username")
        case (_?, nil): throw .invalidSetting(name: "password", value: "", reason: "a username needs a password")
        }
        if let reason = Self.addressProblem(from) { throw invalid("from", from, reason) }
        guard !recipients.isEmpty else { throw invalid("recipients", "[]", "at least one recipient is needed") }
        for (index, recipient) in recipients.enumerated() {
            if let reason = Self.addressProblem(recipient) { throw invalid("recipients[\(index)]", recipient, reason) }
        }
        if let file = caCertificateFile, file.isEmpty || file.contains("\0") {
            throw invalid("caCertificateFile", file, "a path to a PEM file")
        }
        guard !heloName.isEmpty, heloName.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw invalid("heloName", heloName, "a domain name: printable ASCII without spaces")
        }
        guard commandTimeout > .zero else { throw invalid("commandTimeout", "\(commandTimeout)", "must be positive") }
        guard connectTimeout > .zero else { throw invalid("connectTimeout", "\(connectTimeout)", "must be positive") }
    }

    /// Why `address` cannot go into `MAIL FROM`/`RCPT TO` and a header, or nil when it can: it must be a bare
    /// `local@domain` in printable ASCII (no SMTPUTF8), without spaces, angle brackets, CR or LF.
    static func addressProblem(_ address: String) -> String? {
        if address.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            return "CR or LF in an address would inject SMTP commands or headers"
        }
        guard address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            return "printable ASCII without spaces or control characters"
        }
        guard !address.contains("<"), !address.contains(">"), !address.contains(",") else {
            return "a bare address, without <>, commas or display name"
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts.last!.isEmpty, !parts.dropLast().joined().isEmpty else {
            return "must look like local@domain"
        }
        return nil
    }

    /// Whether `host` is a loopback name or address.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" { return true }
        guard let address = try? SocketAddress(ipAddress: host, port: 0) else { return false }
        switch address {
        case .v4(let v4): return UInt32(bigEndian: v4.address.sin_addr.s_addr) >> 24 == 127
        case .v6: return address.ipAddress == "::1"
        case .unixDomainSocket: return false
        }
    }
}
