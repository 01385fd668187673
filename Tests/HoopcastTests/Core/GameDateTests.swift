import HoopcastCore
import Testing

struct GameDateTests {
    @Test func parsesAndPrintsIsoDates() throws {
        let date = try #require(GameDate("2024-02-29"))
        #expect(date.description == "2024-02-29")
        #expect(date.parts.year == 2024 && date.parts.month == 2 && date.parts.day == 29)
        #expect(GameDate("2023-02-29") == nil)  // not a leap year
        #expect(GameDate("2024-1-05") == nil)
        #expect(GameDate("2024-13-01") == nil)
    }

    @Test func arithmeticAcrossMonthsAndYears() throws {
        let newYear = try #require(GameDate("2024-01-01"))
        #expect(newYear.adding(days: -1).description == "2023-12-31")
        #expect(try #require(GameDate("2024-03-01")).days(since: try #require(GameDate("2024-02-28"))) == 2)
        #expect(GameDate(dayNumber: 0).description == "1970-01-01")
    }

    @Test func seasonsTurnOverInAugust() throws {
        #expect(try #require(GameDate("2024-06-17")).season.description == "2023-24")
        #expect(try #require(GameDate("2024-10-22")).season.description == "2024-25")
        #expect(Season("2023-24")?.startYear == 2023)
        #expect(Season("2023-25") == nil)
        #expect(Season("1999-00")?.startYear == 1999)
    }

    @Test func teamsResolveFromCodesAndNames() {
        #expect(Team("BOS")?.code == "BOS")
        #expect(Team("Los Angeles Clippers")?.code == "LAC")
        #expect(Team("LA Clippers")?.code == "LAC")
        #expect(Team("Philadelphia 76ers")?.code == "PHI")
        #expect(Team("XYZ") == nil)
        #expect(Team.all.count == 30)
    }
}
