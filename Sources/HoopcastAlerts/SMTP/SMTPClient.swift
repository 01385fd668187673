import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends alert emails through one SMTP server, one connection per message.
///
/// The conversation: 220 greeting, `EHLO`, `STARTTLS` and `EHLO` again (``SMTPSecurity/startTLS``, refused with
/// ``SMTPError/starttlsNotOffered(host:)`` before anything else is sent when the server does not offer it),
/// `AUTH PLAIN` or `AUTH LOGIN` when credentials are set, `MAIL FROM`, `RCPT TO` for every recipient (any refusal
/// fails the whole send), `DATA`, the message, `QUIT`. Each server reply (with the write before it) must arrive
/// within ``SMTPSettings/commandTimeout``; the connection is closed on every path.
///
/// ```swift
/// let client = try SMTPClient(settings: settings)
/// try await client.send(SMTPMessage(subject: "Hoopcast: no predictions", body: "…"))
/// ```
public struct SMTPClient: Sendable {
    /// Where and how messages are sent.
    public let settings: SMTPSettings
    private let tlsContext: NIOSSLContext?
    private let logger: Logger

    /// A client for `settings`; loads the TLS trust roots (the system's and ``SMTPSettings/caCertificateFile``).
    public init(settings: SMTPSettings, logger: Logger = Logger(label: "hoopcast.alerts.smtp")) throws(SMTPError) {
        self.settings = settings
        self.logger = logger
        tlsContext = settings.security == .plaintext ? nil : try Self.makeTLSContext(settings)
    }

    /// Sends `message` to all of ``SMTPSettings/recipients``, dated `date`; returns once the server accepted it.
    public func send(_ message: SMTPMessage, date: Date = Date()) async throws(SMTPError) {
        try message.validate()
        let connection = try await connect()
        let accepted: String
        do {
            accepted = try await connection.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    settings: settings, tlsContext: tlsContext, channel: connection.channel,
                    inbound: inbound.makeAsyncIterator(), outbound: outbound)
                return try await session.run(message, date: date)
            }
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connectionLost(stage: "the SMTP conversation", reason: "\(error)")
        }
        logger.debug(
            "smtp message accepted",
            metadata: [
                "smtp.host": "\(settings.host)", "smtp.recipients": "\(settings.recipients.count)",
                "smtp.reply": "\(accepted)",
            ])
    }

    private func connect() async throws(SMTPError) -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let implicitTLS = settings.security == .implicitTLS ? tlsContext : nil
        let serverHostname = Self.serverHostname(settings.host)
        do {
            return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(settings.connectTimeout))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicitTLS {
                            let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname)
                            try channel.pipeline.syncOperations.addHandler(tls)
                        }
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as ChannelError {
            if case .connectTimeout = error {
                throw .timeout(stage: "connect to \(settings.host):\(settings.port)", limit: settings.connectTimeout)
            }
            throw .connectFailed(host: settings.host, port: settings.port, reason: "\(error)")
        } catch let error as NIOConnectionError {
            let reasons =
                error.connectionErrors.map { "\($0.target): \($0.error)" }
                + [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "name lookup: \($0)" } }
            throw .connectFailed(host: settings.host, port: settings.port, reason: reasons.joined(separator: "; "))
        } catch {
            throw .connectFailed(host: settings.host, port: settings.port, reason: "\(error)")
        }
    }

    /// The name for SNI and certificate verification: the host, or nil for an IP literal (which NIOSSL then
    /// verifies against the certificate's IP addresses).
    static func serverHostname(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    private static func makeTLSContext(_ settings: SMTPSettings) throws(SMTPError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .default
        if let file = settings.caCertificateFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw .invalidSetting(
                    name: "caCertificateFile", value: SMTPError.shown(file), reason: "cannot load it as PEM: \(error)")
            }
            guard !certificates.isEmpty else {
                throw .invalidSetting(
                    name: "caCertificateFile", value: SMTPError.shown(file), reason: "holds no PEM certificate")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsFailed(stage: "loading the trust roots", reason: "\(error)")
        }
    }
}

/// One server reply: its code and the text of each of its lines (after `250-` / `250 `).
private struct SMTPReply {
    let code: Int
    let lines: [String]

    /// The text for error messages: lines joined, trimmed, escaped and shortened.
    var text: String { SMTPError.shown(lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)) }
}

/// One SMTP conversation on a connected channel: reads replies line by line from the channel's inbound stream
/// (its own buffer splits the stream at LF), writes commands to its outbound writer.
private struct SMTPSession {
    let settings: SMTPSettings
    let tlsContext: NIOSSLContext?
    let channel: any Channel
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// Bytes received and not yet consumed as lines.
    var buffer = ByteBuffer()
    /// Whether TLS protects the connection (from the start, or since STARTTLS).
    var encrypted = false

    init(
        settings: SMTPSettings, tlsContext: NIOSSLContext?, channel: any Channel,
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.settings = settings
        self.tlsContext = tlsContext
        self.channel = channel
        self.inbound = inbound
        self.outbound = outbound
        encrypted = settings.security == .implicitTLS
    }

    /// The whole conversation; returns the text of the server's reply accepting the message.
    mutating func run(_ message: SMTPMessage, date: Date) async throws(SMTPError) -> String {
        let greeting = try await Self.withDeadline(channel, settings.commandTimeout, stage: "greeting") {
            try await self.readReply(stage: "greeting")
        }
        guard greeting.code == 220 else {
            throw .unexpectedReply(stage: "greeting", code: greeting.code, text: greeting.text)
        }
        var capabilities = try await ehlo(stage: "EHLO")
        if settings.security == .startTLS {
            guard capabilities["STARTTLS"] != nil else { throw .starttlsNotOffered(host: settings.host) }
            try await exchange("STARTTLS", stage: "STARTTLS", expect: [220])
            try await startTLS()
            capabilities = try await ehlo(stage: "EHLO after STARTTLS")
        }
        if let username = settings.username, let password = settings.password {
            try await authenticate(username: username, password: password, offered: capabilities["AUTH"] ?? [])
        }
        let encoding = message.transferEncoding(serverAccepts8BitMIME: capabilities["8BITMIME"] != nil)
        let data = try message.rendered(
            from: settings.from, to: settings.recipients, date: date,
            messageID: SMTPMessage.randomMessageID(heloName: settings.heloName), encoding: encoding)
        let body = encoding == .eightBit ? " BODY=8BITMIME" : ""
        try await exchange("MAIL FROM:<\(settings.from)>\(body)", stage: "MAIL FROM <\(settings.from)>", expect: [250])
        for recipient in settings.recipients {
            try await exchange("RCPT TO:<\(recipient)>", stage: "RCPT TO <\(recipient)>", expect: [250, 251])
        }
        try await exchange("DATA", stage: "DATA", expect: [354])
        // `data` ends with CRLF, so this ends the message with CRLF "." CRLF.
        let accepted = try await exchange(data + ".", stage: "end of message data", expect: [250])
        do {
            try await exchange("QUIT", stage: "QUIT", expect: [221])
        } catch {
            // The message is accepted: a server that hangs up instead of answering QUIT changes nothing.
        }
        return accepted.text
    }

    /// Sends `EHLO`; returns the capabilities, keyword (upper-cased) to parameters: `["AUTH": ["PLAIN", "LOGIN"]]`.
    private mutating func ehlo(stage: String) async throws(SMTPError) -> [String: [String]] {
        let reply = try await exchange("EHLO \(settings.heloName)", stage: stage, expect: [250])
        var capabilities: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            // `AUTH=PLAIN LOGIN` is an old spelling of `AUTH PLAIN LOGIN`.
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            capabilities[keyword, default: []] += words.dropFirst()
        }
        return capabilities
    }

    /// Puts a TLS client handler at the front of the pipeline; the handshake starts at once and the next
    /// exchange (`EHLO`) waits for it.
    private mutating func startTLS() async throws(SMTPError) {
        // After its 220 the server must wait for our handshake: bytes already here were not sent under TLS, and
        // reading them as replies later would let a man in the middle inject them.
        guard buffer.readableBytes == 0 else {
            throw .protocolViolation(stage: "STARTTLS", detail: "the server sent data after 220, before TLS began")
        }
        guard let context = tlsContext else { preconditionFailure("startTLS security without a TLS context") }
        let channel = self.channel
        let hostname = SMTPClient.serverHostname(settings.host)
        do {
            try await channel.eventLoop.submit {
                let tls = try NIOSSLClientHandler(context: context, serverHostname: hostname)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            throw .tlsFailed(stage: "STARTTLS", reason: "\(error)")
        }
        encrypted = true
    }

    /// `AUTH PLAIN` when offered, else `AUTH LOGIN`; the server's text in errors has the secrets removed.
    private mutating func authenticate(username: String, password: String, offered: [String]) async throws(SMTPError) {
        guard encrypted || settings.hostIsLoopback else {
            throw .invalidSetting(
                name: "security", value: settings.security.rawValue,
                reason: "refusing to send credentials unencrypted to \(settings.host), which is not loopback")
        }
        let plain = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
        let login = Data(username.utf8).base64EncodedString()
        let secret = Data(password.utf8).base64EncodedString()
        func refused(_ reply: SMTPReply) -> SMTPError {
            let text = [password, plain, secret].reduce(reply.lines.joined(separator: " ")) {
                $0.replacingOccurrences(of: $1, with: "(redacted)")
            }
            return .authenticationFailed(
                code: reply.code, text: SMTPError.shown(text.trimmingCharacters(in: .whitespaces)))
        }
        if offered.contains("PLAIN") {
            let reply = try await exchange("AUTH PLAIN \(plain)", stage: "AUTH PLAIN")
            guard reply.code == 235 else { throw refused(reply) }
        } else if offered.contains("LOGIN") {
            for (line, stage, code) in [
                ("AUTH LOGIN", "AUTH LOGIN", 334), (login, "AUTH LOGIN username", 334),
                (secret, "AUTH LOGIN password", 235),
            ] {
                let reply = try await exchange(line, stage: stage)
                guard reply.code == code else { throw refused(reply) }
            }
        } else {
            throw .authenticationUnavailable(offered: offered)
        }
    }

    /// Writes `line` and CRLF, reads the reply, both within the command timeout. With `expect`, any other code
    /// is ``SMTPError/unexpectedReply(stage:code:text:)``. `stage` names the command in errors (never a secret).
    @discardableResult
    private mutating func exchange(_ line: String, stage: String, expect: Set<Int>? = nil) async throws(SMTPError)
        -> SMTPReply
    {
        let reply = try await Self.withDeadline(channel, settings.commandTimeout, stage: stage) {
            do {
                try await self.outbound.write(ByteBuffer(string: line + "\r\n"))
            } catch {
                // The channel closed under the write. The inbound side says why: a last reply (421), a TLS
                // failure, or the end of the stream; this error says nothing more than "closed".
                return try await self.readReply(stage: stage)
            }
            return try await self.readReply(stage: stage)
        }
        if let expect, !expect.contains(reply.code) {
            throw .unexpectedReply(stage: stage, code: reply.code, text: reply.text)
        }
        return reply
    }

    /// One reply: lines `ddd-text` continued up to a last `ddd text` (or bare `ddd`), all with the same code.
    private mutating func readReply(stage: String) async throws -> SMTPReply {
        var code: Int?
        var lines: [String] = []
        while true {
            let line = try await readLine(stage: stage)
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-"),
                let value = Int(String(decoding: digits, as: UTF8.self)), (200...599).contains(value)
            else {
                let shown = SMTPError.shown(String(decoding: line, as: UTF8.self))
                throw SMTPError.protocolViolation(stage: stage, detail: "malformed reply line \"\(shown)\"")
            }
            guard code == nil || code == value else {
                throw SMTPError.protocolViolation(stage: stage, detail: "reply lines with codes \(code!) and \(value)")
            }
            code = value
            lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
            if line.count == 3 || line[3] == UInt8(ascii: " ") { return SMTPReply(code: value, lines: lines) }
            guard lines.count < 1000 else {
                throw SMTPError.protocolViolation(stage: stage, detail: "a reply of over 1000 lines")
            }
        }
    }

    /// The next line, without its CR LF (a bare LF also ends a line).
    private mutating func readLine(stage: String) async throws -> [UInt8] {
        while true {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer.readBytes(length: newline - view.startIndex + 1)!
                while line.last == UInt8(ascii: "\n") || line.last == UInt8(ascii: "\r") { line.removeLast() }
                buffer.discardReadBytes()
                return line
            }
            guard buffer.readableBytes <= 4096 else {
                throw SMTPError.protocolViolation(stage: stage, detail: "a reply line over 4096 bytes")
            }
            guard var more = try await inbound.next() else {
                throw SMTPError.connectionLost(stage: stage, reason: "the server closed the connection")
            }
            buffer.writeBuffer(&more)
        }
    }

    /// Runs `body` with a timer that closes the channel after `limit`, so a stuck read or write ends; an error
    /// after the timer fired is ``SMTPError/timeout(stage:limit:)``, a TLS error ``SMTPError/tlsFailed(stage:reason:)``.
    private static func withDeadline<T>(
        _ channel: any Channel, _ limit: Duration, stage: String, _ body: () async throws -> T
    ) async throws(SMTPError) -> T {
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(limit)) { channel.close(promise: nil) }
        do {
            let value = try await body()
            timer.cancel()
            return value
        } catch {
            timer.cancel()  // fails the timer's future unless it already ran
            let fired: Bool
            do {
                try await timer.futureResult.get()
                fired = true
            } catch {
                fired = false
            }
            if fired { throw .timeout(stage: stage, limit: limit) }
            switch error {
            case let error as SMTPError: throw error
            case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError, is NIOSSLCloseTimedOutError:
                throw .tlsFailed(stage: stage, reason: "\(error)")
            default: throw .connectionLost(stage: stage, reason: "\(error)")
            }
        }
    }
}
