import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import Testing

@testable import HoopcastAnalytics

/// The availability features of 2024-01-15's Philadelphia players on the real 2024-01 fixture, against the minutes
/// of their last five games computed by hand (Python's csv module over `player_boxscores.csv`, before 2024-01-15).
/// PHI's latest game before the date is 0022300532 of 2024-01-12.
struct AvailabilityFeatureTests {
    static let maxey = 1_630_178, embiid = 203954, harris = 202699, morris = 202694

    /// Last-5 mean minutes of PHI's rostered players (played one of PHI's last 5 games, latest game for PHI).
    static let minutes5: [String: Double] = [
        "Maxey": 38.229, "Embiid": 34.69583333333333, "Harris": 33.17733333333333, "Oubre": 31.026999999999997,
        "Melton": 28.994333333333334, "Batum": 26.528333333333336, "Beverley": 20.270999999999997,
        "Morris": 19.654666666666664, "Reed": 18.583333333333336, "House": 14.13, "Springer": 13.153,
        "Bamba": 12.673333333333332, "Martin": 8.442333333333332, "Council": 6.016666666666667,
        "Korkmaz": 3.6666666666666665, "Lofton": 3.6,
    ]

    static func values(_ rows: [StoredFeatureRow], player: Int) throws -> FeatureValues {
        try #require(rows.first { $0.playerID == player && $0.market == .points }).values
    }

    @Test func withoutAReportTheTeammatesWhoMissedTheLatestGameLeaveTheirMinutes() async throws {
        let rows = try await InjuryGateTests.features(try TestStore.fixtureCopy())
        let maxey = try Self.values(rows, player: Self.maxey), embiid = try Self.values(rows, player: Self.embiid)
        // Embiid, Oubre, Council and Lofton did not play 2024-01-12.
        let m = Self.minutes5
        #expect(abs(maxey[.vacatedMinutes]! - (m["Embiid"]! + m["Oubre"]! + m["Council"]! + m["Lofton"]!)) < 1e-9)
        #expect(abs(embiid[.vacatedMinutes]! - (m["Oubre"]! + m["Council"]! + m["Lofton"]!)) < 1e-9)
        #expect(maxey[.missedLastGame] == 0 && embiid[.missedLastGame] == 1)
        #expect(maxey[.playProbability] == 1)  // no report: the default
        // Expected to play, by last-5 minutes: Maxey, Harris, Melton, Batum, Beverley, then Morris.
        #expect(try Self.values(rows, player: Self.harris)[.starterProxy] == 1)
        #expect(try Self.values(rows, player: Self.morris)[.starterProxy] == 0)
        // Present = Σ of the minutes of those who played the latest game (everyone but the four above).
        let present = m.filter { !["Embiid", "Oubre", "Council", "Lofton"].contains($0.key) }.values.reduce(0, +)
        let base = 0.6 * m["Maxey"]! + 0.4 * maxey[.minutesSeasonMean]!
        let share = maxey[.vacatedMinutes]! / present
        let fit = AvailabilityWeights.boxScore
        let expected = base * (1 + fit.intercept + fit.slope * share)
        #expect(abs(maxey[.expectedMinutes]! - min(48, expected)) < 1e-9)
    }

    @Test func withTheReportTheListedTeammatesLeaveTheirMinutesByStatus() async throws {
        let rows = try await InjuryGateTests.features(try InjuryFixture.datasetCopy())
        let maxey = try Self.values(rows, player: Self.maxey)
        let m = Self.minutes5
        // The 17:30Z report: Melton, Springer, Lofton, Bamba and Council out (P(plays) 0.001), Embiid available
        // (0.888); the rest are not listed and leave nothing.
        let out = ["Melton", "Springer", "Lofton", "Bamba", "Council"].map { m[$0]! }.reduce(0, +)
        let vacated = out * (1 - 0.001) + m["Embiid"]! * (1 - 0.888)
        #expect(abs(maxey[.vacatedMinutes]! - vacated) < 1e-9)
        #expect(maxey[.playProbability] == 0.922)  // not listed, a rotation player
        #expect(try Self.values(rows, player: 1_630_231)[.playProbability] == 0.491)  // KJ Martin: 8.4 minutes
        #expect(try Self.values(rows, player: Self.embiid)[.playProbability] == 0.888)
        #expect(try Self.values(rows, player: 1_628_964)[.playProbability] == 0.001)  // Bamba, out
        #expect(maxey[.missedLastGame] == 0)
    }

    /// Seven players with constant minutes; the team's latest game is `g5`.
    static func roster() -> (history: [Int: [PlayerGameRow]], teamGames: [TeamGameRow]) {
        let season = Season(startYear: 2023)
        func game(_ player: Int, _ index: Int, _ minutes: Double) -> PlayerGameRow {
            PlayerGameRow(
                playerID: player, gameID: "g\(index)", gameDate: GameDate("2024-01-0\(index)")!, season: season,
                team: Team("PHI")!, opponent: Team("BOS")!, minutes: minutes, points: 10, rebounds: 5, assists: 3,
                threesMade: 1, fieldGoalsAttempted: 10, threesAttempted: 3, freeThrowsAttempted: 2,
                teamPointsShare: 0.1, teamShotsShare: minutes / 240)
        }
        var history: [Int: [PlayerGameRow]] = [:]
        for (player, minutes) in [(1, 36.0), (2, 30.0), (3, 24.0), (4, 20.0), (5, 12.0), (6, 6.0)] {
            history[player] = (1...5).reversed().map { game(player, $0, minutes) }
        }
        history[7] = (1...4).reversed().map { game(7, $0, 32) }  // missed g5
        let teamGames = (1...5).reversed().map { index in
            TeamGameRow(
                gameID: "g\(index)", gameDate: GameDate("2024-01-0\(index)")!, team: Team("PHI")!,
                opponent: Team("BOS")!, pace: 99, offensiveRating: 110, defensiveRating: 110, own: [:], allowed: [:])
        }
        return (history, teamGames)
    }

    @Test func theFormulaOnAHandMadeRoster() {
        let (history, teamGames) = Self.roster()
        let noReport = TeamAvailability.compute(
            roster: Set(1...7), history: history, teamGames: teamGames, statuses: nil, season: Season(startYear: 2023))
        // Player 7 (32 min) missed g5: he is the only one absent. Present = 36 + 30 + 24 + 20 + 12 + 6 = 128.
        #expect(noReport[1]?.vacatedMinutes == 32)
        #expect(noReport[7]?.vacatedMinutes == 0 && noReport[7]?.missedLastGame == true)
        #expect(noReport[1]?.playProbability == nil)
        let box = AvailabilityWeights.boxScore
        let expected1 = 36 * (1 + box.intercept + box.slope * 32 / 128)
        #expect(abs(noReport[1]!.expectedMinutes! - expected1) < 1e-12)
        #expect(abs(noReport[1]!.vacatedShotsShare - 32.0 / 240) < 1e-12)
        // Expected to play: 1…6; the top five are 1…5 — and 7, absent, still ranks himself behind only player 1.
        #expect((1...5).allSatisfy { noReport[$0]?.starter == true })
        #expect(noReport[6]?.starter == false && noReport[7]?.starter == true)

        let report = TeamAvailability.compute(
            roster: Set(1...7), history: history, teamGames: teamGames, statuses: [2: .questionable, 7: .probable],
            season: Season(startYear: 2023))
        // Questionable (P(plays) 0.592) and probable (0.944) leave their minutes in part; the unlisted, nothing.
        let vacated1 = 30 * (1 - 0.592) + 32 * (1 - 0.944)
        #expect(abs(report[1]!.vacatedMinutes - vacated1) < 1e-12)
        #expect(report[2]?.playProbability == 0.592)
        #expect(report[5]?.playProbability == 0.922 && report[6]?.playProbability == 0.491)
        let present = 36 + 30 * 0.592 + 24 + 20 + 12 + 6 + 32 * 0.944
        let fit = AvailabilityWeights.reported
        #expect(abs(report[1]!.expectedMinutes! - 36 * (1 + fit.intercept + fit.slope * vacated1 / present)) < 1e-12)
        #expect(report[7]?.missedLastGame == true)
    }
}
