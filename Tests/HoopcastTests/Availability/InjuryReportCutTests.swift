import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastIngest
import Testing

/// The point-in-time cut of the official injury reports, on the real reports of 2024-01-15. Expected values were
/// read off the file by hand and checked with Python (`csv` + `datetime`: for each game, tip-off of its first row
/// minus 30 minutes, then the rows with the greatest `report_utc` at or before that time).
struct InjuryReportCutTests {
    /// The fixture's rows as entries (no name resolution: ids are nil).
    static func entries() throws -> [InjuryReportEntry] {
        let lines = try InjuryFixture.text().split(separator: "\n").dropFirst()
        return try lines.map { line in
            // The reason is the last field and may be quoted with commas inside: split the first seven fields only.
            let fields = line.split(separator: ",", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
            return InjuryReportEntry(
                reportUTC: fields[0], gameID: fields[1], gameDate: try #require(GameDate(fields[2])),
                tipUTC: fields[3], team: try #require(Team(fields[4])), playerName: fields[5], playerID: nil,
                status: try #require(InjuryStatus(rawValue: fields[6])), reason: fields.count > 7 ? fields[7] : "")
        }
    }

    static func row(_ report: String, _ game: String, _ tip: String, _ team: String, _ name: String, _ status: String)
        -> InjuryReportEntry
    {
        InjuryReportEntry(
            reportUTC: report, gameID: game, gameDate: GameDate("2024-01-15")!, tipUTC: tip, team: Team(team)!,
            playerName: name, playerID: nil, status: InjuryStatus(rawValue: status)!, reason: "")
    }

    @Test func predictionTimeIsThirtyMinutesBeforeTheFirstPrintedTipOff() throws {
        let times = InjuryReportCut.predictionTimes(try Self.entries())
        #expect(times.count == 11)
        #expect(times["0022300555"]?.description == "2024-01-15T17:30:00Z")  // PHI–HOU, tip 18:00Z
        #expect(times["0022300565"]?.description == "2024-01-16T03:00:00Z")  // OKC–LAL, tip 03:30Z next UTC day
    }

    @Test func phiHouUsesTheReportOf1730() throws {
        let listed = InjuryReportCut.atPredictionTime(try Self.entries()).filter { $0.gameID == "0022300555" }
        // The 17:30 report: HOU 4 out; PHI 7 out and Embiid available (team rows excluded).
        #expect(listed.count == 12)
        #expect(Set(listed.map(\.reportUTC)) == ["2024-01-15T17:30:00Z"])
        let status = Dictionary(uniqueKeysWithValues: listed.map { ($0.playerName, $0.status) })
        #expect(status["Joel Embiid"] == .available)
        #expect(status["Mo Bamba"] == .out)  // doubtful on the reports of the day before
        #expect(status["Jaden Springer"] == .out)  // first listed at 17:30
        #expect(listed.filter { $0.status == .out }.count == 11)
    }

    @Test func aSecondEarlierTheDayBeforesReportIsInForce() throws {
        let cutoff = try #require(UTCInstant("2024-01-15T17:29:59Z"))
        let listed = InjuryReportCut.latest(try Self.entries(), cutoffs: ["0022300555": cutoff])
        #expect(Set(listed.map(\.reportUTC)) == ["2024-01-14T23:30:00Z"])
        let status = Dictionary(uniqueKeysWithValues: listed.map { ($0.playerName, $0.status) })
        #expect(listed.count == 11)
        #expect(status["Joel Embiid"] == .questionable && status["Mo Bamba"] == .doubtful)
        #expect(status["Jaden Springer"] == nil)
    }

    @Test func aTeamThatHasNotSubmittedListsNobody() throws {
        // At 2024-01-14T21:30Z only HOU had submitted; PHI's row is a team row, not a player.
        let listed = InjuryReportCut.latest(
            try Self.entries(), cutoffs: ["0022300555": try #require(UTCInstant("2024-01-14T21:30:00Z"))])
        #expect(listed.map(\.team.code) == ["HOU", "HOU", "HOU", "HOU"])
    }

    @Test func allElevenGamesMatchThePythonCount() throws {
        let listed = InjuryReportCut.atPredictionTime(try Self.entries())
        // Python: out 102, available 23, questionable 4, probable 1 (130 listed players).
        #expect(listed.count == 130)
        #expect(listed.filter { $0.status == .out }.count == 102)
        #expect(listed.filter { $0.status == .available }.count == 23)
        #expect(listed.filter { $0.status == .questionable }.count == 4)
        #expect(listed.filter { $0.status == .probable }.count == 1)
    }

    /// The house's leakage rule: reports published after the cut-off change nothing. The real file has two such
    /// reports (NYK–ORL at 20:30Z, Brunson now out; OKC–LAL at 03:30Z); removing them, or adding one that rules
    /// Embiid out at 17:45Z, or moving a later report's tip-off, leaves the result identical.
    @Test func reportsPublishedAfterTheCutOffChangeNothing() throws {
        let entries = try Self.entries()
        let result = InjuryReportCut.atPredictionTime(entries)
        let brunson = try #require(result.first { $0.playerName == "Jalen Brunson" })
        #expect(brunson.status == .questionable && brunson.reportUTC == "2024-01-15T19:30:00Z")
        let times = InjuryReportCut.predictionTimes(entries)
        let withoutLater = entries.filter { UTCInstant($0.reportUTC)! <= times[$0.gameID]! }
        #expect(withoutLater.count == entries.count - 10 - 6)
        #expect(InjuryReportCut.atPredictionTime(withoutLater) == result)
        var altered = entries
        altered.append(
            Self.row("2024-01-15T17:45:00Z", "0022300555", "2024-01-15T18:00:00Z", "PHI", "Joel Embiid", "out"))
        altered.append(
            Self.row("2024-01-15T17:45:00Z", "0022300555", "2024-01-15T19:00:00Z", "PHI", "Mo Bamba", "available"))
        #expect(InjuryReportCut.atPredictionTime(altered) == result)
    }

    @Test func utcInstantsRoundTrip() throws {
        for text in ["2024-01-15T17:30:00Z", "2024-01-16T00:00:00Z", "1969-12-31T23:59:59Z"] {
            #expect(UTCInstant(text)?.description == text)
        }
        #expect(UTCInstant("2024-01-16T00:10:00Z")?.minus(minutes: 30).description == "2024-01-15T23:40:00Z")
        #expect(UTCInstant("2024-01-15 17:30:00") == nil && UTCInstant("2024-01-15T24:00:00Z") == nil)
    }
}
