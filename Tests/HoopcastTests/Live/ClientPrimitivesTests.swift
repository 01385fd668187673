import HoopcastCore
import HoopcastIngest
import HoopcastLive
import Testing

/// The pure pieces of the HTTP client and the archive: no network, no clock.
@Suite struct ClientPrimitivesTests {
    /// The instant `seconds` after the epoch.
    func at(_ seconds: Int) -> WallInstant { .epoch + .seconds(seconds) }

    @Test func tokenBucketSpacesRequestsAtTheRate() {
        // 30 per minute: one token every 2 s, burst 1.
        var bucket = TokenBucket(requestsPerMinute: 30, now: at(100))
        #expect(bucket.reserve(now: at(100)) == .zero)
        #expect(bucket.reserve(now: at(100)) == .seconds(2))  // the next token arrives 2 s later
        #expect(bucket.reserve(now: at(100)) == .seconds(4))  // and the one after that 4 s later
        #expect(bucket.reserve(now: at(106)) == .zero)  // by 106 s the reservations are paid back
        var burst = TokenBucket(requestsPerMinute: 60, burst: 3, now: at(0))
        let reservations = (0..<4).map { _ in burst.reserve(now: at(0)) }
        #expect(reservations == [.zero, .zero, .zero, .seconds(1)])
    }

    @Test func circuitBreakerOpensAfterThresholdAndHalfOpensAfterCoolDown() {
        var breaker = CircuitBreaker(failureThreshold: 3, coolDown: .seconds(60))
        breaker.recordFailure(now: at(0))
        breaker.recordFailure(now: at(1))
        #expect(breaker.permit(now: at(2)) == .allow)
        breaker.recordFailure(now: at(2))
        #expect(breaker.state == .open(until: at(62)))
        #expect(breaker.permit(now: at(61)) == .reject(until: at(62)))
        #expect(breaker.permit(now: at(62)) == .allow)  // half-open: one probe
        #expect(breaker.permit(now: at(62)) == .reject(until: at(122)))  // a second concurrent request waits
        breaker.recordFailure(now: at(63))  // the probe failed: open again
        #expect(breaker.state == .open(until: at(123)))
        #expect(breaker.permit(now: at(123)) == .allow)
        breaker.recordSuccess()  // the probe succeeded: closed
        #expect(breaker.state == .closed(failures: 0))
    }

    @Test func decorrelatedJitterStaysWithinBaseAndThreeTimesThePreviousDelay() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(10))
        #expect(policy.delay(after: nil, random: 0) == .seconds(1))
        #expect(policy.delay(after: .seconds(1), random: 0) == .seconds(1))
        // 1 + (3 − 1) · 0.5
        #expect(policy.delay(after: .seconds(1), random: 0.5) == .seconds(2))
        #expect(policy.delay(after: nil, random: 0.5) == .seconds(2))
        #expect(policy.delay(after: .seconds(2), random: 0.999_999) < .seconds(6))
        // capped
        #expect(policy.delay(after: .seconds(8), random: 0.9) == .seconds(10))
        #expect(RetryPolicy.isRetryable(status: 429) && RetryPolicy.isRetryable(status: 503))
        #expect(!RetryPolicy.isRetryable(status: 404) && !RetryPolicy.isRetryable(status: 200))
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        #expect(RetryAfter.delay("120", now: at(0)) == .seconds(120))
        #expect(RetryAfter.delay(" 7 ", now: at(0)) == .seconds(7))
        // Wed, 21 Oct 2015 07:28:00 GMT is 1,445,412,480 s after the epoch (Python's datetime).
        #expect(RetryAfter.delay("Wed, 21 Oct 2015 07:28:00 GMT", now: at(1_445_412_470)) == .seconds(10))
        #expect(RetryAfter.delay("Wed, 21 Oct 2015 07:28:00 GMT", now: at(1_445_412_490)) == .zero)  // past: no wait
        #expect(RetryAfter.delay("soon", now: at(0)) == nil)
        #expect(RetryAfter.delay("-5", now: at(0)) == nil)
        #expect(RetryAfter.delay(nil, now: at(0)) == nil)
    }

    /// The content address (swift-crypto's SHA-256) against digests computed independently.
    @Test func sha256MatchesKnownDigests() {
        // Digests from Python's hashlib.
        #expect(ContentAddress.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ContentAddress.sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentAddress.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // Lengths around the padding boundaries (55, 56, 64, 119 bytes of "a").
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
        ]
        for (length, digest) in expected {
            #expect(
                ContentAddress.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest,
                "length \(length)")
        }
    }

    @Test func gzipRoundTripsAndIsDeterministic() throws {
        let body = try LiveFixtures.bytes("nbac_scoreboard_v2/raw_055ff78d.json")
        let packed = Gzip.compress(body)
        #expect(packed.count < body.count)
        #expect(packed == Gzip.compress(body))
        #expect(try FileReader.gunzip(packed, file: "x") == body)
    }

    @Test func easternDatesFollowDaylightSavingTime() {
        #expect(EasternTime.gameDate(utc: "2024-01-25T04:59:00Z")?.description == "2024-01-24")  // EST: −5
        #expect(EasternTime.gameDate(utc: "2024-01-25T05:00:00Z")?.description == "2024-01-25")
        #expect(EasternTime.gameDate(utc: "2024-04-10T03:59:00Z")?.description == "2024-04-09")  // EDT: −4
        #expect(EasternTime.gameDate(utc: "2024-04-10T04:00:00Z")?.description == "2024-04-10")
        // 2024 DST began 10 March at 07:00 UTC and ended 3 November at 06:00 UTC.
        #expect(EasternTime.gameDate(utc: "2024-03-10T06:30Z")?.description == "2024-03-10")  // 01:30 EST
        #expect(EasternTime.gameDate(utc: "2024-11-03T04:30:00Z")?.description == "2024-11-03")  // 00:30 EDT
        #expect(EasternTime.gameDate(utc: "2024-11-04T04:30:00Z")?.description == "2024-11-03")  // 23:30 EST
        #expect(EasternTime.gameDate(utc: "garbage") == nil)
    }

    @Test func decimalPricesConvertToAmericanOdds() {
        #expect(OddsFormat.american(2.5) == 150)
        #expect(OddsFormat.american(1.5) == -200)
        #expect(OddsFormat.american(2.0) == 100)
        #expect(OddsFormat.american(-110) == -110)
        #expect(OddsFormat.american(1.0) == nil)
        #expect(OddsFormat.american(-50) == nil)
    }

    @Test func redactedParametersHideSecretsAndKeepTheRest() {
        let request = SourceRequest(
            source: "odds_api", endpoint: "events", policyHost: "api.the-odds-api.com",
            baseURL: "https://api.the-odds-api.com/", path: "/v4/sports/basketball_nba/events",
            query: [.init("apiKey", "k3y-s3cret", secret: true), .init("date", "2024-01-25T03:55:40Z")])
        #expect(request.redactedParameters == "apiKey=REDACTED&date=2024-01-25T03:55:40Z")
        #expect(request.secretValues == ["k3y-s3cret"])
        #expect(
            Redactor(secrets: ["k3y-s3cret"]).scrub(Array(#"{"msg":"bad key k3y-s3cret"}"#.utf8))
                == Array(#"{"msg":"bad key REDACTED"}"#.utf8))
    }
}
