import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import HoopcastAlerts

/// The SMTP client against a real, independent server (aiosmtpd, `scripts/smtp-sink.py`) with real certificate
/// verification, plus the pure parts (settings validation, the rendered message) without a network.
@Suite(.serialized, .timeLimit(.minutes(5))) struct SMTPClientTests {
    static let from = "alerts@hoopcast.test"
    static let recipients = ["oncall@hoopcast.test", "backup@hoopcast.test"]
    static let user = "hoopcast-alerts"
    static let password = "s3cret-Pässword!"

    /// Settings for `sink`, trusting its certificate, over `host`.
    func settings(
        _ sink: SMTPSink?, port: Int? = nil, host: String = "localhost", security: SMTPSecurity = .startTLS,
        password: String? = SMTPClientTests.password, trustSink: Bool = true, timeout: Duration = .seconds(5)
    ) throws -> SMTPSettings {
        try SMTPSettings(
            host: host, port: port ?? sink?.port ?? 25, security: security,
            username: password == nil ? nil : Self.user, password: password, from: Self.from,
            recipients: Self.recipients, caCertificateFile: trustSink ? sink?.certificate.path : nil,
            commandTimeout: timeout, connectTimeout: .seconds(5))
    }

    func authenticatedSink(excluding mechanisms: [String] = []) -> SMTPSink.Options {
        SMTPSink.Options(user: Self.user, password: Self.password, excludeAuth: mechanisms)
    }

    // MARK: - Against aiosmtpd

    @Test(arguments: ["PLAIN", "LOGIN"])
    func aMessageOverSTARTTLSWithAuthArrives(mechanism: String) async throws {
        let other = mechanism == "PLAIN" ? "LOGIN" : "PLAIN"
        try await SMTPSink.with(authenticatedSink(excluding: [other])) { sink in
            let subject = "Prévision ✓ — Celtics vs Lakers, Nuggets vs Suns: 3 alertes à lire"
            let body = "First line\n.starts with a dot\n..two dots\nÉquipe: 76ers — 3½ pts\r\nlast line"
            let client = try SMTPClient(settings: settings(sink))
            try await client.send(SMTPMessage(subject: subject, body: body))

            let messages = try sink.messages()
            try #require(messages.count == 1, "\(sink.log())")
            let message = messages[0]
            #expect(message.mailFrom == Self.from)
            #expect(message.rcptTos == Self.recipients)
            #expect(message.mailOptions.contains("BODY=8BITMIME"))
            #expect(message.tls && message.authenticated)
            #expect(message.subject == subject)  // RFC 2047, folded over several encoded-words, decoded by Python
            #expect(message.contentTransferEncoding == "8bit")
            let expectedBody = "First line\n.starts with a dot\n..two dots\nÉquipe: 76ers — 3½ pts\nlast line\n"
            #expect(message.body.replacingOccurrences(of: "\r\n", with: "\n") == expectedBody)
            // The server removed exactly one stuffed dot from each line that starts with one.
            #expect(message.raw.contains("\r\n\r\nFirst line\r\n.starts with a dot\r\n..two dots\r\n"))
            #expect(
                try sink.authAttempts() == [.init(mechanism: mechanism, login: Self.user, success: true, tls: true)])
        }
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func aWrongPasswordIsAuthenticationFailedWithoutTheSecret(mechanism: String) async throws {
        let other = mechanism == "PLAIN" ? "LOGIN" : "PLAIN"
        try await SMTPSink.with(authenticatedSink(excluding: [other])) { sink in
            let wrong = "wrong-Pässword-42"
            let client = try SMTPClient(settings: settings(sink, password: wrong))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            guard case .authenticationFailed(let code, let text) = error else {
                Issue.record("expected authenticationFailed, got \(error)")
                return
            }
            #expect(code == 535)
            #expect(text.contains("Authentication credentials invalid"))
            let secrets = [
                wrong, Data(wrong.utf8).base64EncodedString(),
                Data("\0\(Self.user)\0\(wrong)".utf8).base64EncodedString(),
            ]
            for secret in secrets {
                #expect(!error.description.contains(secret))
                #expect(!String(reflecting: error).contains(secret))
            }
            #expect(
                try sink.authAttempts() == [.init(mechanism: mechanism, login: Self.user, success: false, tls: true)])
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test func aServerWithoutSTARTTLSIsRefusedBeforeAnyCredentials() async throws {
        var options = authenticatedSink()
        options.noStartTLS = true
        try await SMTPSink.with(options) { sink in
            let client = try SMTPClient(settings: settings(sink))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            #expect(error == .starttlsNotOffered(host: "localhost"))
            #expect(try sink.authAttempts().isEmpty)
            #expect(try sink.messages().isEmpty)

            // The same sink does record credentials sent in the clear (plaintext is allowed to loopback): the
            // empty log above is evidence.
            let plaintext = try SMTPClient(settings: settings(sink, security: .plaintext))
            try await plaintext.send(SMTPMessage(subject: "in the clear", body: "loopback only"))
            #expect(try sink.authAttempts() == [.init(mechanism: "PLAIN", login: Self.user, success: true, tls: false)])
            #expect(try sink.messages().map(\.subject) == ["in the clear"])
        }
    }

    @Test func anUntrustedCertificateFailsTLSBeforeAnyCredentials() async throws {
        try await SMTPSink.with(authenticatedSink()) { sink in
            let client = try SMTPClient(settings: settings(sink, trustSink: false))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            guard case .tlsFailed(let stage, _) = error else {
                Issue.record("expected tlsFailed, got \(error)")
                return
            }
            #expect(stage == "EHLO after STARTTLS")
            #expect(try sink.authAttempts().isEmpty)
        }
    }

    @Test func implicitTLSToTheIPAddressInTheCertificate() async throws {
        var options = SMTPSink.Options()
        options.implicitTLS = true
        try await SMTPSink.with(options) { sink in
            let client = try SMTPClient(
                settings: settings(sink, host: "127.0.0.1", security: .implicitTLS, password: nil))
            try await client.send(SMTPMessage(subject: "over TLS", body: "from the first byte"))
            let messages = try sink.messages()
            #expect(messages.map(\.subject) == ["over TLS"])
            #expect(messages.first?.tls == true && messages.first?.authenticated == false)
        }
    }

    // MARK: - Settings and failures without a server

    @Test func plaintextToANonLoopbackHostIsRefused() throws {
        #expect(
            throws: SMTPError.invalidSetting(
                name: "security", value: "plaintext",
                reason: "plaintext is allowed only to a loopback host, not mail.example.com"
            )
        ) {
            try settings(nil, host: "mail.example.com", security: .plaintext)
        }
        for host in ["localhost", "127.0.0.1", "127.1.2.3", "::1"] {
            #expect(throws: Never.self) { try settings(nil, host: host, security: .plaintext) }
        }
        #expect(!SMTPSettings.isLoopback("128.0.0.1") && !SMTPSettings.isLoopback("::2"))
    }

    @Test func crOrLFInAnAddressOrSubjectIsRefusedNamingTheField() throws {
        let injected = "evil@example.com\r\nRCPT TO:<victim@example.com>"
        let error = try #require(throws: SMTPError.self) {
            try SMTPSettings(host: "localhost", from: Self.from, recipients: [Self.from, injected])
        }
        guard case .invalidSetting(let name, let value, _) = error else {
            Issue.record("expected invalidSetting, got \(error)")
            return
        }
        #expect(name == "recipients[1]")
        #expect(value == #"evil@example.com\r\nRCPT TO:<victim@example.com>"#)
        #expect(!error.description.contains("\r") && !error.description.contains("\n"))

        let fromError = try #require(throws: SMTPError.self) {
            try SMTPSettings(host: "localhost", from: "a@b\nBcc: x@y", recipients: [Self.from])
        }
        #expect(fromError.fieldName == "from")
        let subject = SMTPMessage(subject: "Alert\r\nBcc: everyone@example.com", body: "")
        #expect((try #require(throws: SMTPError.self) { try subject.validate() }).fieldName == "subject")
        let passwordError = try #require(throws: SMTPError.self) {
            try SMTPSettings(
                host: "localhost", username: "u", password: "a\0b", from: Self.from, recipients: [Self.from])
        }
        #expect(
            passwordError
                == .invalidSetting(name: "password", value: "(hidden)", reason: "must be non-empty, without NUL"))
        #expect(
            try settings(nil).description.contains("password set")
                && !settings(nil).description.contains(Self.password))
    }

    @Test func aBadSubjectIsRefusedBeforeConnecting() async throws {
        let client = try SMTPClient(settings: settings(nil, port: try PrivatePostgresServer.freePort()))
        let error = try await #require(throws: SMTPError.self) {
            try await client.send(SMTPMessage(subject: "a\nb", body: ""))
        }
        #expect(error.fieldName == "subject")
    }

    @Test func aClosedPortIsConnectFailedQuickly() async throws {
        let port = try PrivatePostgresServer.freePort()
        let client = try SMTPClient(settings: settings(nil, port: port, host: "127.0.0.1"))
        let started = ContinuousClock.now
        let error = try await #require(throws: SMTPError.self) {
            try await client.send(SMTPMessage(subject: "test", body: "test"))
        }
        #expect(ContinuousClock.now - started < .seconds(2))  // well inside the 5 s connect timeout
        guard case .connectFailed(let host, let failedPort, let reason) = error else {
            Issue.record("expected connectFailed, got \(error)")
            return
        }
        #expect(host == "127.0.0.1" && failedPort == port)
        #expect(reason.lowercased().contains("refused"))
    }

    @Test func aServerThatNeverGreetsTimesOutAndTheConnectionIsClosed() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = try #require(server.channel.localAddress?.port)
        try await server.executeThenClose { connections in
            let client = try SMTPClient(
                settings: settings(nil, port: port, host: "127.0.0.1", timeout: .milliseconds(500)))
            let started = ContinuousClock.now
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            let elapsed = ContinuousClock.now - started
            #expect(error == .timeout(stage: "greeting", limit: .milliseconds(500)))
            #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(3))
            // The silent server's side of the connection has been closed by the client: it reads to the end.
            var accepted = connections.makeAsyncIterator()
            let connection = try #require(try await accepted.next())
            let received = try await connection.executeThenClose { inbound, _ in
                var bytes = 0
                for try await buffer in inbound { bytes += buffer.readableBytes }
                return bytes
            }
            #expect(received == 0)
        }
    }

    // MARK: - Against a scripted server (replies aiosmtpd would never give)

    @Test func repliesInjectedBeforeTheTLSHandshakeAreAProtocolViolation() async throws {
        let replies = ["250-scripted\r\n250 STARTTLS\r\n", "220 go ahead\r\n250 injected in the clear\r\n"]
        let received = try await scriptedServer(replies) { port in
            let client = try SMTPClient(settings: settings(nil, port: port, host: "127.0.0.1"))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            #expect(
                error
                    == .protocolViolation(stage: "STARTTLS", detail: "the server sent data after 220, before TLS began")
            )
        }
        #expect(received == ["EHLO hoopcast.local", "STARTTLS"])
    }

    @Test func aRefusedRecipientStopsBeforeDATA() async throws {
        let replies = ["250-scripted\r\n250 8BITMIME\r\n", "250 ok\r\n", "250 ok\r\n", "550 5.1.1 no such user \r\n"]
        let received = try await scriptedServer(replies) { port in
            let client = try SMTPClient(
                settings: settings(nil, port: port, host: "127.0.0.1", security: .plaintext, password: nil))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            #expect(
                error
                    == .unexpectedReply(stage: "RCPT TO <backup@hoopcast.test>", code: 550, text: "5.1.1 no such user"))
        }
        #expect(received.last == "RCPT TO:<backup@hoopcast.test>")
        #expect(received.first { $0.hasPrefix("MAIL FROM") } == "MAIL FROM:<alerts@hoopcast.test> BODY=8BITMIME")
    }

    @Test func withoutEightBitMIMETheMessageGoesAsBase64WithoutBodyParameter() async throws {
        let replies =
            ["250-scripted\r\n250 SIZE 1000\r\n"] + Array(repeating: "250 ok\r\n", count: 3)
            + ["354 go on\r\n", "250 queued as 42\r\n", "221 bye\r\n"]
        let received = try await scriptedServer(replies) { port in
            let client = try SMTPClient(
                settings: settings(nil, port: port, host: "127.0.0.1", security: .plaintext, password: nil))
            try await client.send(SMTPMessage(subject: "test", body: "Hé"))
        }
        #expect(received.contains("MAIL FROM:<alerts@hoopcast.test>"))
        #expect(received.contains("Content-Transfer-Encoding: base64"))
        #expect(received.suffix(3) == ["SMOpDQo=", ".", "QUIT"])
    }

    @Test func aMalformedReplyIsAProtocolViolation() async throws {
        _ = try await scriptedServer(["250-scripted\r\n251 other code\r\n"]) { port in
            let client = try SMTPClient(settings: settings(nil, port: port, host: "127.0.0.1"))
            let error = try await #require(throws: SMTPError.self) {
                try await client.send(SMTPMessage(subject: "test", body: "test"))
            }
            #expect(error == .protocolViolation(stage: "EHLO", detail: "reply lines with codes 250 and 251"))
        }
    }

    // MARK: - The rendered message

    @Test func theRenderedMessageIsExact() throws {
        // "Über" in UTF-8 is C3 9C 62 65 72. Base64 by hand, 6 bits at a time:
        // 11000011 10011100 01100010 -> 110000 111001 110001 100010 -> 48 57 49 34 -> w 5 x i
        // 01100101 01110010 (+00)    -> 011001 010111 001000 (pad)  -> 25 23 8 =   -> Z X I =
        // so the encoded-word is =?utf-8?B?w5xiZXI=?=.
        let message = SMTPMessage(subject: "Über", body: "Line one\n.dotted\r\nlast line\rend\n")
        let rendered = try message.rendered(
            from: Self.from, to: Self.recipients,
            date: Date(timeIntervalSince1970: 1_733_418_660),  // 2024-12-05 17:11:00 UTC, a Thursday
            messageID: "<0123456789abcdef0123456789abcdef@hoopcast.local>", encoding: .eightBit)
        let expected =
            "From: alerts@hoopcast.test\r\n" + "To: oncall@hoopcast.test, backup@hoopcast.test\r\n"
            + "Subject: =?utf-8?B?w5xiZXI=?=\r\n" + "Date: Thu, 05 Dec 2024 17:11:00 +0000\r\n"
            + "Message-ID: <0123456789abcdef0123456789abcdef@hoopcast.local>\r\n" + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n" + "Content-Transfer-Encoding: 8bit\r\n" + "\r\n"
            + "Line one\r\n" + "..dotted\r\n" + "last line\r\n" + "end\r\n"
        #expect(rendered == expected)
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"), "bare LF at \(index)")
        }
    }

    @Test func withoutEightBitMIMETheBodyIsBase64() throws {
        let message = SMTPMessage(subject: "Plain ASCII", body: "Hé")
        #expect(message.transferEncoding(serverAccepts8BitMIME: false) == .base64)
        #expect(message.transferEncoding(serverAccepts8BitMIME: true) == .eightBit)
        let long = SMTPMessage(subject: "x", body: String(repeating: "a", count: 999))
        #expect(long.transferEncoding(serverAccepts8BitMIME: true) == .base64)
        let rendered = try message.rendered(
            from: Self.from, to: [Self.from], date: Date(timeIntervalSince1970: 0), messageID: "<1@h>",
            encoding: .base64)
        // "Hé" CRLF is 48 C3 A9 0D 0A: base64 "SMOpDQo=".
        #expect(rendered.hasSuffix("Content-Transfer-Encoding: base64\r\n\r\nSMOpDQo=\r\n"))
        #expect(rendered.contains("Subject: Plain ASCII\r\nDate: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
    }

    @Test func randomMessageIDsAreUniqueAndWellFormed() {
        let ids = (0..<100).map { _ in SMTPMessage.randomMessageID(heloName: "hoopcast.local") }
        #expect(Set(ids).count == 100)
        #expect(ids.allSatisfy { $0.count == 49 && $0.hasPrefix("<") && $0.hasSuffix("@hoopcast.local>") })
    }
}

extension SMTPClientTests {
    /// Runs `client` against a one-connection server on a loopback port that greets with 220 and answers the n-th
    /// command line with `replies[n]` (message lines between a 354 and "." get no answer); returns the lines the
    /// client sent, message lines included.
    func scriptedServer(_ replies: [String], client: (Int) async throws -> Void) async throws -> [String] {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = try #require(server.channel.localAddress?.port)
        return try await server.executeThenClose { connections in
            try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    var accepted = connections.makeAsyncIterator()
                    guard let connection = try await accepted.next() else { return [] }
                    return try await connection.executeThenClose { inbound, outbound in
                        try await outbound.write(ByteBuffer(string: "220 scripted\r\n"))
                        var received: [String] = [], pending = [UInt8](), answered = 0, inData = false
                        for try await buffer in inbound {
                            pending += buffer.readableBytesView
                            while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                                let line = String(decoding: pending[..<end].dropLast(), as: UTF8.self)
                                pending.removeSubrange(...end)
                                received.append(line)
                                if inData && line != "." { continue }
                                guard answered < replies.count else { continue }
                                inData = replies[answered].hasPrefix("354")
                                try await outbound.write(ByteBuffer(string: replies[answered]))
                                answered += 1
                            }
                        }
                        return received
                    }
                }
                try await client(port)
                return try await group.next() ?? []
            }
        }
    }
}

extension SMTPError {
    /// The field an ``invalidSetting(name:value:reason:)`` names, nil for other errors.
    fileprivate var fieldName: String? {
        if case .invalidSetting(let name, _, _) = self { return name }
        return nil
    }
}
