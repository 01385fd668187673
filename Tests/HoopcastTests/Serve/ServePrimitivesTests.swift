import Foundation
import HoopcastCore
import HoopcastLive
import Testing

@testable import HoopcastGrading
@testable import HoopcastServe

/// The pure pieces of the server: keys, the rate limit's bucket, cursors, weekly aggregates.
@Suite struct ServePrimitivesTests {
    func at(_ seconds: Double) -> WallInstant { .epoch + .seconds(seconds) }

    @Test func aKeyStoresTheSHA256OfItsSecretOnly() throws {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        let token = KeyToken(id: "abcdefghij12", secret: "abc")
        #expect(token.secretSHA256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(token.matches(storedHex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(!token.matches(storedHex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ae"))
        #expect(!token.matches(storedHex: "ba78"))
    }

    @Test func aGeneratedKeyParsesBackAndMalformedKeysDoNot() throws {
        let token = KeyToken.generate()
        let text = token.description
        #expect(text.hasPrefix("hc_") && text.count == 3 + 12 + 1 + 37)
        #expect(KeyToken(text) == token)
        #expect(KeyToken.generate() != token)
        for bad in [
            "", "hc_", text.uppercased(), "xx" + text.dropFirst(2), String(text.dropLast()), text + "a",
            text.replacingOccurrences(of: "_", with: "-"), "hc_abcdefghij12_" + String(repeating: "!", count: 37),
        ] {
            #expect(KeyToken(bad) == nil, "\(bad)")
        }
    }

    @Test func aScopeAllowsItselfAndAdminAllowsEverything() {
        #expect(KeyScope.read.allows(.read) && !KeyScope.read.allows(.admin))
        #expect(KeyScope.admin.allows(.read) && KeyScope.admin.allows(.admin))
    }

    @Test func admitRefusesWithTheWaitUntilTheNextToken() {
        // 60 a minute: a token a second; burst 2.
        var bucket = TokenBucket(requestsPerMinute: 60, burst: 2, now: at(0))
        #expect(bucket.admit(now: at(0)) == .zero)
        #expect(bucket.admit(now: at(0)) == .zero)
        #expect(bucket.admit(now: at(0)) == .seconds(1))  // refused, and nothing was taken
        #expect(bucket.admit(now: at(0.25)) == .seconds(0.75))
        #expect(bucket.admit(now: at(1)) == .zero)
        #expect(bucket.admit(now: at(1)) == .seconds(1))
        #expect(bucket.admit(now: at(10)) == .zero)  // refilled to the burst, not beyond
        #expect(bucket.admit(now: at(10)) == .zero)
        #expect(bucket.admit(now: at(10)) == .seconds(1))
    }

    @Test func theRateLimiterKeepsOneBucketPerClient() {
        let clock = ManualClock(now: at(0))
        let limiter = RateLimiter(requestsPerMinute: 30, burst: 1, clock: clock)
        #expect(limiter.admit("key:a") == .zero)
        #expect(limiter.admit("key:a") == .seconds(2))
        #expect(limiter.admit("key:b") == .zero)
        clock.advance(by: .seconds(2))
        #expect(limiter.admit("key:a") == .zero)
    }

    @Test func cursorsPageThroughInKeyOrderAndRefuseForeignText() throws {
        let items = ["a", "b", "c", "d", "e"]
        var seen: [String] = []
        var cursor: PageCursor?
        var pages = 0
        repeat {
            let page = PageCursor.page(items, after: cursor, limit: 2, key: { $0 })
            seen += page.items
            cursor = try page.next.map { try PageCursor(parameter: $0.text) }
            pages += 1
        } while cursor != nil
        #expect(seen == items && pages == 3)
        #expect(PageCursor(key: "0022300555|0000201145|points|ensemble").text.allSatisfy { !"+/=".contains($0) })
        #expect(throws: APIError.invalid("cursor", "not a cursor this server returned")) {
            try PageCursor(parameter: "!!")
        }
    }

    @Test func weeksStartOnMonday() {
        #expect(WeeklyPerformance.weekStart(GameDate("2024-01-15")!) == GameDate("2024-01-15"))  // a Monday
        #expect(WeeklyPerformance.weekStart(GameDate("2024-01-21")!) == GameDate("2024-01-15"))  // Sunday
        #expect(WeeklyPerformance.weekStart(GameDate("2024-01-14")!) == GameDate("2024-01-08"))
        #expect(WeeklyPerformance.weekStart(GameDate("1970-01-01")!) == GameDate("1969-12-29"))
    }

    @Test func weeklyErrorsWeighDaysByTheirLinedCountAndUnitsAccumulate() {
        func day(_ date: String, lined: Int, model: Double?, line: Double?, bets: Int = 0, profit: Double = 0)
            -> DailyPerformance
        {
            DailyPerformance(
                gameDate: GameDate(date)!, system: .ensemble, market: .points, predictions: 10, graded: 10,
                meanAbsoluteError: 5, lined: lined, lineMeanAbsoluteError: line, modelMeanAbsoluteErrorLined: model,
                bets: bets, wins: 0, losses: 0, pushes: 0, profitUnits: profit)
        }
        let daily = [
            day("2024-01-15", lined: 10, model: 6, line: 5, bets: 2, profit: 1.5),
            day("2024-01-16", lined: 30, model: 4, line: 5, bets: 1, profit: -1),
            day("2024-01-22", lined: 0, model: nil, line: nil),
            day("2024-01-23", lined: 5, model: 7, line: 6, bets: 3, profit: 0.25),
        ]
        let weeks = WeeklyPerformance.errors(daily)
        #expect(weeks.map(\.weekStart) == [GameDate("2024-01-15")!, GameDate("2024-01-22")!])
        #expect(weeks[0].lined == 40 && weeks[0].modelMAE == 4.5 && weeks[0].lineMAE == 5)  // (60 + 120) / 40
        #expect(weeks[1].lined == 5 && weeks[1].modelMAE == 7 && weeks[1].lineMAE == 6)
        let units = WeeklyPerformance.cumulativeUnits(daily)
        #expect(units.map(\.units) == [1.5, 0.5, 0.75])
        #expect(units.map(\.bets) == [2, 1, 3])
    }
}
