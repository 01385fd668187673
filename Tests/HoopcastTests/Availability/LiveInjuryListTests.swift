import HoopcastCore
import HoopcastIngest
import Testing

/// `LiveInjuryList` on hand-made rows: one fetch is one report however many pages it took, every game of the date
/// gets a list from every report (a team the list does not name gets a team row), games without a tip-off get nothing.
struct LiveInjuryListTests {
    static let date = GameDate("2024-01-15")!
    static let games = [
        ScheduledGame(
            gameID: "g1", gameDate: date, season: Season(startYear: 2023), seasonType: .regularSeason,
            homeTeam: Team("TOR")!, awayTeam: Team("BOS")!),
        ScheduledGame(
            gameID: "g2", gameDate: date, season: Season(startYear: 2023), seasonType: .regularSeason,
            homeTeam: Team("PHI")!, awayTeam: Team("HOU")!),
    ]
    static let tipoffs = ["g1": "2024-01-16T00:30:00Z", "g2": "2024-01-16T01:00:00Z"]

    static func row(_ time: String, _ run: String, _ team: String, _ name: String, _ status: InjuryStatus)
        -> LiveInjuryList.Row
    {
        LiveInjuryList.Row(
            reportUTC: time, runID: run, team: Team(team)!, playerName: name, playerID: nil, status: status,
            reason: "")
    }

    @Test func thePagesOfOneFetchAreOneReportPublishedWithItsLastPage() {
        let entries = LiveInjuryList.entries(
            [
                Self.row("2024-01-15T18:00:00Z", "run-1", "BOS", "Jayson Tatum", .out),
                Self.row("2024-01-15T18:00:02Z", "run-1", "TOR", "Scottie Barnes", .questionable),
            ], games: [Self.games[0]], tipoffs: Self.tipoffs)
        #expect(entries.map(\.reportUTC) == ["2024-01-15T18:00:02Z", "2024-01-15T18:00:02Z"])
        #expect(entries.map(\.playerName) == ["Jayson Tatum", "Scottie Barnes"])
        #expect(entries.allSatisfy { $0.gameID == "g1" && $0.tipUTC == "2024-01-16T00:30:00Z" })
    }

    @Test func aTeamTheListDoesNotNameGetsATeamRowInEveryReport() {
        let entries = LiveInjuryList.entries(
            [
                Self.row("2024-01-15T14:00:00Z", "run-1", "TOR", "Scottie Barnes", .out),
                Self.row("2024-01-15T18:00:00Z", "run-2", "LAL", "LeBron James", .questionable),
            ], games: Self.games, tipoffs: Self.tipoffs)
        let at18 = entries.filter { $0.reportUTC == "2024-01-15T18:00:00Z" }
        // The 18:00 list names nobody of either game: each of the four teams gets a team row at 18:00, so the 14:00
        // list is no longer the latest for g1.
        #expect(at18.count == 4 && at18.allSatisfy { $0.status == .notYetSubmitted && $0.playerName.isEmpty })
        #expect(at18.allSatisfy { $0.reason == LiveInjuryList.unnamedTeamReason })
        let at14 = entries.filter { $0.reportUTC == "2024-01-15T14:00:00Z" }
        #expect(at14.map(\.playerName) == ["", "Scottie Barnes", "", ""])  // g1: BOS, TOR; g2: HOU, PHI
        #expect(at14.map(\.gameID) == ["g1", "g1", "g2", "g2"])
    }

    @Test func aGameWithoutATipoffGetsNothing() {
        let entries = LiveInjuryList.entries(
            [Self.row("2024-01-15T18:00:00Z", "run-1", "HOU", "Jalen Green", .out)], games: Self.games,
            tipoffs: ["g1": "2024-01-16T00:30:00Z"])
        #expect(Set(entries.map(\.gameID)) == ["g1"])
        #expect(!entries.contains { $0.playerName == "Jalen Green" })
    }
}
