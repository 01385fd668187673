import HoopcastLive
import Testing

/// Payloads that do not match are typed errors with a location, never empty successes.
@Suite struct PayloadGateTests {
    let context = PayloadContext(source: "nba_stats", endpoint: "scoreboard")

    func gate(_ text: String, status: Int = 200, type: String = "application/json") throws(PayloadError) -> JSONCursor {
        try PayloadGate.json(status: status, contentType: type, body: Array(text.utf8), context: context)
    }

    @Test func emptyBodyIsAnError() {
        #expect(throws: PayloadError.self) { try gate("") }
        let error = try? #require(throws: PayloadError.self) { try gate("  \n") }
        #expect(error?.kind == .emptyBody)
    }

    @Test func htmlErrorPageIsAnError() throws {
        let error = try #require(throws: PayloadError.self) {
            try gate("<!DOCTYPE html><html><body>Access Denied</body></html>", type: "application/json")
        }
        #expect(error.kind == .html)
        #expect(error.reason.contains("Access Denied"))
    }

    @Test func wrongContentTypeIsAnError() throws {
        let error = try #require(throws: PayloadError.self) { try gate(#"{"data": []}"#, type: "text/plain") }
        #expect(error.kind == .wrongContentType)
    }

    @Test func truncatedJSONNamesTheByteWhereItBroke() throws {
        let body = try LiveFixtures.bytes("nbac_scoreboard_v2/raw_055ff78d.json")
        let truncated = Array(body.prefix(5000))
        let error = try #require(throws: PayloadError.self) {
            try PayloadGate.json(status: 200, contentType: "application/json", body: truncated, context: context)
        }
        #expect(error.kind == .invalidJSON)
        #expect(error.location == "byte 5000")
    }

    @Test func sourceErrorObjectIsAnError() throws {
        let error = try #require(throws: PayloadError.self) {
            try gate(#"{"message":"Usage quota has been reached."}"#)
        }
        #expect(error.kind == .errorResponse)
        #expect(error.reason.contains("Usage quota"))
    }

    @Test func non2xxStatusIsAnError() throws {
        let error = try #require(throws: PayloadError.self) { try gate(#"{"data":[]}"#, status: 401) }
        #expect(error.kind == .httpStatus)
    }

    @Test func schemaDriftNamesThePath() throws {
        // A stats.nba.com table whose headers lost a column.
        var text = String(decoding: try LiveFixtures.bytes("nbac_player_boxscore/raw_2ad17718.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""PLUS_MINUS""#, with: #""PLUSMINUS""#)
        let endpoint = try #require(EndpointCatalog.endpoint("nba_stats.player_game_log"))
        let error = try #require(throws: PayloadError.self) {
            try endpoint.process(
                status: 200, contentType: "application/json", body: Array(text.utf8),
                context: ParseContext(date: .init("2025-03-15")!, fetchedAt: "x"))
        }
        #expect(error.kind == .schemaDrift)
        #expect(error.location == "$.resultSets[0].headers")
        #expect(error.reason.contains("PLUS_MINUS"))
    }

    @Test func wrongTypeInsideARowNamesTheElement() throws {
        let text = #"{"data":[{"id":1,"date":"2025-02-20","status":"Final","home_team":{"abbreviation":7}}]}"#
        let endpoint = try #require(EndpointCatalog.endpoint("bdl.games"))
        let error = try #require(throws: PayloadError.self) {
            try endpoint.process(
                status: 200, contentType: "application/json", body: Array(text.utf8),
                context: ParseContext(date: .init("2025-02-20")!, fetchedAt: "x"))
        }
        #expect(error.location == "$.data[0].home_team.abbreviation")
    }

    @Test func jsonParserHandlesEscapesAndRejectsGarbage() throws {
        #expect(
            try JSONParser.parse(Array(#"{"a":"\u00e9\n\"x\"","b":[1,-2.5e2,true,null]}"#.utf8))
                == .object(["a": .string("é\n\"x\""), "b": .array([.number(1), .number(-250), .bool(true), .null])]))
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array("{\"a\":1,}".utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array("[1] x".utf8)) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array("tru".utf8)) }
    }
}
