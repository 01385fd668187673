import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import HoopcastStub
import Testing

@testable import HoopcastLive

/// A key with URL-reserved characters was redacted only in its raw form: echoed back percent-encoded by a server, it
/// landed in the archive and in `raw_fetch_manifest.error_detail`. Every encoding of every key is removed now.
struct SecretEncodingTests {
    static let key = "sk+probe/SECRET 99&x=1"

    private func scrub(_ text: String, _ secrets: [String] = [SecretEncodingTests.key]) -> String {
        Redactor(secrets: secrets).scrub(text)
    }

    // MARK: - The Redactor on each encoding, expected strings written by hand

    @Test func rawAndPercentEncodedFormsAreRedacted() {
        #expect(scrub("key=sk+probe/SECRET 99&x=1;") == "key=REDACTED;")
        // As our QueryEncoding sends it (RFC 3986 unreserved, ',' and ':' kept; upper-case hex).
        #expect(QueryEncoding.escape(SecretEncodingTests.key) == "sk%2Bprobe%2FSECRET%2099%26x%3D1")
        #expect(
            scrub("/v4/odds?apiKey=sk%2Bprobe%2FSECRET%2099%26x%3D1&regions=us")
                == "/v4/odds?apiKey=REDACTED&regions=us")
        #expect(scrub("apiKey=sk%2bprobe%2fSECRET%2099%26x%3d1") == "apiKey=REDACTED")
        #expect(scrub("apiKey=sk%2Bprobe%2fSECRET%2099%26X%3d1") == "apiKey=sk%2Bprobe%2fSECRET%2099%26X%3d1")
        // Encoded twice (a proxy that re-encoded the query).
        #expect(scrub("u=sk%252Bprobe%252FSECRET%252099%2526x%253D1") == "u=REDACTED")
    }

    @Test func formEncodingAndWhatAServerDecodesAreRedacted() {
        // application/x-www-form-urlencoded: a space is '+', a '+' is %2B.
        #expect(scrub("apiKey=sk%2Bprobe%2FSECRET+99%26x%3D1&a=b") == "apiKey=REDACTED&a=b")
        // Foundation's urlQueryAllowed leaves + / & = as they are.
        #expect(
            SecretEncodingTests.key.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)
                == "sk+probe/SECRET%2099&x=1")
        #expect(scrub("apiKey=sk+probe/SECRET%2099&x=1") == "apiKey=REDACTED")
        // A server that read the '+' as a space echoes it as one, or re-encoded as %20 or '+'.
        #expect(scrub(#"{"echo":"sk probe/SECRET 99&x=1"}"#) == #"{"echo":"REDACTED"}"#)
        #expect(scrub("sk%20probe%2FSECRET%2099%26x%3D1") == "REDACTED")
        #expect(scrub("sk+probe/SECRET+99&x=1") == "REDACTED")
    }

    @Test func jsonAndHTMLEscapesAreRedacted() {
        #expect(scrub(#"{"k":"sk+probe\/SECRET 99\u0026x=1"}"#) == #"{"k":"REDACTED"}"#)
        #expect(scrub(#"{"k":"sk\u002Bprobe\u002fSECRET\u002099&x\u003d1"}"#) == #"{"k":"REDACTED"}"#)
        #expect(scrub("<p>sk+probe/SECRET 99&amp;x=1</p>") == "<p>REDACTED</p>")
        #expect(scrub("<p>sk&#43;probe&#x2F;SECRET 99&#38;x&#61;1</p>") == "<p>REDACTED</p>")
        let quoted = #"a"b\c:d/e"#
        #expect(scrub(#"{"k":"a\"b\\c:d\/e","n":1}"#, [quoted]) == #"{"k":"REDACTED","n":1}"#)
        #expect(scrub(#"k=a%22b%5Cc:d%2Fe"#, [quoted]) == "k=REDACTED")
    }

    @Test func nearMissesStayAndTheLongestSecretGoesWhole() {
        #expect(scrub("sk+probe/SECRET 98&x=1") == "sk+probe/SECRET 98&x=1")
        #expect(scrub("sk+probe/SECRET") == "sk+probe/SECRET")
        #expect(scrub("sk%2Bprobe%2FSECRET%2099%26x%3D") == "sk%2Bprobe%2FSECRET%2099%26x%3D")
        #expect(scrub("abcdefgh and abcd", ["abcd", "abcdefgh"]) == "REDACTED and REDACTED")
        #expect(Redactor(secrets: ["abc", ""]).secrets.isEmpty)
        let bytes: [UInt8] = [0xFF, 0x00] + Array("x=sk%2Bprobe%2FSECRET%2099%26x%3D1".utf8) + [0xFE]
        #expect(
            Redactor(secrets: [SecretEncodingTests.key]).scrub(bytes)
                == [0xFF, 0x00] + Array("x=REDACTED".utf8) + [0xFE])
    }

    // MARK: - End to end: a stub that echoes the request back

    /// Keys made of every URL-reserved character, `%`, `"` and `\`, marked `S3CR3T`: the Odds API key travels in the
    /// query, the Ball Don't Lie key in the Authorization header.
    static let reserved = #":/?#[]@!$&'()*+,;= %"\"#
    static let oddsKey = "od" + reserved + "S3CR3T-odds"
    static let bdlKey = "bd" + String(reserved.reversed()) + "S3CR3T-bdl"

    /// How the stub echoes what it received.
    enum Echo: String, CaseIterable, Sendable {
        /// In the JSON body of a 200 (its `message` read as a source error).
        case okBody
        /// In the body of a 401.
        case clientError
        /// In the body of a 503, retried until the client gives up.
        case serverError
        /// In the Content-Type and another header of a 200.
        case header
    }

    static func respond(_ request: StubRequest, _ echo: Echo) -> StubResponse {
        let target = request.query.isEmpty ? request.path : request.path + "?" + request.query
        let decoded = request.query.removingPercentEncoding ?? request.query
        let authorization = request.headers["authorization"] ?? ""
        let echoed = decoded + " | " + authorization
        let body = """
            {"message":"\(json(echoed))","echo":{"target":"\(json(target))","query":"\(json(decoded, unicode: true))",\
            "plus_as_space":"\(json(echoed.replacingOccurrences(of: "+", with: " ")))",\
            "encoder":\(String(decoding: try! JSONEncoder().encode(echoed), as: UTF8.self)),\
            "html":"\(json(html(echoed)))","lower":"\(json(lowerHex(target)))"}}
            """
        switch echo {
        case .okBody: return StubResponse(status: 200, body: Array(body.utf8))
        case .clientError: return StubResponse(status: 401, body: Array(body.utf8))
        case .serverError: return StubResponse(status: 503, body: Array(body.utf8))
        case .header:
            return StubResponse(
                status: 200,
                headers: [
                    ("Content-Type", "application/json; echo=\(target)"),
                    ("X-Echo", target + " " + authorization),
                ],
                body: Array(#"{"data":[]}"#.utf8))
        }
    }

    /// A JSON string's content: `"`, `\` and `/` escaped, and `&` `'` as `\u0026` `\u0027` when `unicode`.
    static func json(_ text: String, unicode: Bool = false) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += #"\""#
            case "\\": result += #"\\"#
            case "/": result += #"\/"#
            case "&" where unicode: result += #"\u0026"#
            case "'" where unicode: result += #"\u0027"#
            default: result.append(character)
            }
        }
        return result
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// `%2F` → `%2f`.
    static func lowerHex(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if pending > 0 {
                pending -= 1
                result += character.lowercased()
                continue
            }
            if character == "%" { pending = 2 }
            result.append(character)
        }
        return result
    }

    /// The forms of `key` no artefact may hold, each made independently of the Redactor.
    static func forms(of key: String) -> [String] {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz"
                + "0123456789-._~")
        let upper = key.addingPercentEncoding(withAllowedCharacters: unreserved)!
        return [
            key, upper, lowerHex(upper), upper.replacingOccurrences(of: "%20", with: "+"),
            key.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, QueryEncoding.escape(key),
            key.replacingOccurrences(of: "+", with: " "), json(key), json(key, unicode: true), html(key),
            "S3CR3T",
        ]
    }

    @Test(arguments: Echo.allCases)
    func anEchoedKeyIsInNoArchiveFileManifestRowReportErrorOrLogLine(_ echo: Echo) async throws {
        let server = try await StubServer.start { request in SecretEncodingTests.respond(request, echo) }
        let transport = AsyncHTTPTransport(connectTimeouts: [.seconds(2)])
        let store = try await TestStore.fresh()
        let archive = RawArchive(
            root: Scratch.root
                .appendingPathComponent("hoopcast-secrets-\(UUID().uuidString)"))
        let logs = LogCapture()
        let clock = ManualClock.virtual()
        _ = try await FieldRowWriter.write(
            GameRecord.self, name: "seed",
            rows: [
                [
                    "game_id": "0022300620", "season": "2023-24", "season_type": "regular_season",
                    "game_date": "2024-01-24",
                    "home_team": "GSW", "away_team": "ATL", "home_pts": "", "away_pts": "",
                ]
            ], store: store, runID: "seed")
        var urls: [String: String] = [:]
        for source in SourceSettings.defaultBaseURLs.keys { urls[source] = server.baseURL }
        let ingestor = LiveIngestor(
            client: StubClient.make(clock: clock, transport: transport, logger: logs),
            store: store, archive: archive,
            settings: SourceSettings(
                baseURLs: urls, oddsAPIKey: SecretEncodingTests.oddsKey,
                ballDontLieKey: SecretEncodingTests.bdlKey),
            clock: clock, logger: logs.logger("ingest"))
        let report = try await ingestor.run(
            date: GameDate("2024-01-24")!, sources: ["odds_api", "bdl"],
            runID: "echo-\(echo.rawValue)")
        try await transport.shutdown()
        try await server.shutdown()

        // The keys went out, and came back.
        #expect(server.requests.contains { $0.query.contains(QueryEncoding.escape(SecretEncodingTests.oddsKey)) })
        #expect(server.requests.contains { $0.headers["authorization"] == SecretEncodingTests.bdlKey })
        var artefacts: [(String, String)] = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: archive.root.path)
            .filter { $0.hasSuffix(".gz") }
        for file in files {
            let bytes = try FileReader.read(archive.root.appendingPathComponent(file))
            artefacts.append(("archive \(file)", String(decoding: bytes, as: UTF8.self)))
        }
        if echo != .header {
            #expect(!files.isEmpty && artefacts.allSatisfy { $0.1.contains("REDACTED") })
        }
        for table in ["raw_fetch_manifest", "raw_import_quarantine", "ops_runs"] {
            for row in try await TestStore.snapshot(store, table) { artefacts.append((table, row)) }
        }
        #expect(try await TestStore.snapshot(store, "raw_fetch_manifest").count > 0)
        artefacts.append(("report", String(decoding: try JSONEncoder().encode(report), as: UTF8.self)))
        artefacts.append(("step error", LiveIngestFailure(step: "ingest.morning", report: report).description))
        artefacts += logs.all.map { ("log", $0) }
        for secret in [SecretEncodingTests.oddsKey, SecretEncodingTests.bdlKey] {
            for form in SecretEncodingTests.forms(of: secret) {
                for (place, text) in artefacts where text.contains(form) {
                    Issue.record("\(echo): the key as '\(form)' is in \(place): \(text.prefix(300))")
                }
            }
        }
    }

    /// A network library's message that quotes the URL reaches the log only with the key removed.
    @Test func aTransportFailureQuotingTheURLIsLoggedRedacted() async throws {
        struct QuotingTransport: HTTPTransport {
            func get(url: String, headers: [(String, String)], policy: HostPolicy) async throws(TransportFailure)
                -> TransportResponse
            {
                throw .connection("connect failed for \(url) with \(headers.map(\.1).joined(separator: ","))")
            }
        }
        let logs = LogCapture()
        var policies: [String: HostPolicy] = [:]
        policies["test.host"] = StubClient.fast(attempts: 2)
        let client = LiveHTTPClient(
            transport: QuotingTransport(), policies: policies, clock: ManualClock.virtual(),
            jitter: FixedJitter(0.5), logger: logs.logger("http"))
        let request = SourceRequest(
            source: "test", endpoint: "data", policyHost: "test.host",
            baseURL: "http://127.0.0.1:9", path: "/data",
            query: [.init("apiKey", SecretEncodingTests.oddsKey, secret: true)],
            headers: [.init("Authorization", SecretEncodingTests.bdlKey, secret: true)])
        let error = try await #require(throws: FetchError.self) { _ = try await client.fetch(request) }
        #expect(error.description == "test/data: gave up after 2 attempts (last: connection error)")
        let attempts = logs.all.filter { $0.contains("http attempt") }
        #expect(attempts.count == 2)
        #expect(
            attempts.allSatisfy {
                $0.contains("detail=connect failed for http://127.0.0.1:9/data?apiKey=REDACTED with REDACTED")
            })
        for secret in [SecretEncodingTests.oddsKey, SecretEncodingTests.bdlKey] {
            for form in SecretEncodingTests.forms(of: secret) {
                #expect(logs.all.allSatisfy { !$0.contains(form) }, "\(form)")
            }
        }
    }
}
