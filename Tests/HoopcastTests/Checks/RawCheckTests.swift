import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import Testing

/// Every raw check on the real rows of 2024-01-15 (11 games, 240 box scores and game lines, 1,157 prop quotes): it
/// passes, and fails — naming the rows — once real rows are altered.
struct RawCheckTests {
    private static let game = CheckFixture.game

    /// The real inputs, altered by `edit`.
    private static func inputs(_ edit: (inout RawCheckInputs) -> Void = { _ in }) async throws -> RawCheckInputs {
        var inputs = try await CheckFixture.rawInputs()
        edit(&inputs)
        return inputs
    }

    @Test func everyRawCheckPassesOnTheRealDate() async throws {
        let inputs = try await Self.inputs()
        #expect(inputs.games.count == 11 && inputs.boxScores.count == 229 && inputs.propQuotes.count == 1157)
        for result in RawChecks.evaluate(inputs) {
            #expect(result.status == .passed, "\(result.line)")
        }
    }

    @Test func aDateWithoutGamesFailsTheSchedule() async throws {
        let result = ScheduleCheck.evaluate(try await Self.inputs { $0.games = [] })
        #expect(result.status == .failed && result.blocks)
        #expect(result.sample == [FailingRow(key: "schedule/2024-01-15", values: ["games": "0"])])
    }

    @Test func missingLinesAndBoxScoresFailFreshnessOnceDue() async throws {
        let result = FreshnessCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.gameLines.removeAll { $0.gameID == Self.game }
                inputs.boxScores.removeAll { $0.gameID == Self.game }
                inputs.propQuotes = []
            })
        #expect(result.status == .failed && !result.blocks)
        try #require(
            result.sample.map(\.key) == ["box_scores/\(Self.game)", "game_lines/\(Self.game)", "prop_lines/2024-01-15"])
        #expect(result.sample[0].values["found"] == "final, no box score")
        #expect(result.sample[0].values["score"] == "115-124")
        #expect(result.sample[1].values["expected_by"] == "2024-01-15T17:00:00Z")
    }

    @Test func beforeTheirExpectedTimeNothingIsDue() async throws {
        // 10:00 Eastern on the date: the schedule is in, the lines and the results are not due yet.
        let result = FreshnessCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.now = UTCTestTime.date("2024-01-15T15:00:00Z")
                inputs.propQuotes = []
                inputs.boxScores = []
            })
        #expect(result.status == .notJudged)
        #expect(result.summary.contains("lines not due before 2024-01-15T17:00:00Z"))
    }

    @Test func liveQuotesFirstWrittenLateFailFreshness() async throws {
        let late = RecordedRun(
            runID: "ingest-late", command: "ingest --date 2024-01-15 --phase pretip",
            startedAt: "2024-01-15T19:30:00.000Z")
        let onTime = RecordedRun(
            runID: "ingest-early", command: "ingest --date 2024-01-15 --phase pretip",
            startedAt: "2024-01-15T17:30:00.000Z")
        let lateInputs = try await Self.inputs { inputs in
            inputs.writes = [RawWrite(table: .propLines, runID: late.runID, rows: 1157)]
            inputs.runs = [late.runID: late]
        }
        let result = FreshnessCheck.evaluate(lateInputs)
        #expect(
            result.sample == [
                FailingRow(
                    key: "prop_lines/2024-01-15",
                    values: [
                        "first_written": "2024-01-15T19:30:00.000Z", "run": "ingest-late",
                        "expected_by": "2024-01-15T17:00:00Z",
                    ])
            ])
        // Within the hour's grace, or with any row written by an import: not late.
        var inTime = lateInputs
        inTime.writes = [RawWrite(table: .propLines, runID: onTime.runID, rows: 1157)]
        inTime.runs = [onTime.runID: onTime]
        #expect(FreshnessCheck.evaluate(inTime).status == .passed)
    }

    @Test func aTeamWithoutBoxScoresOrWithPointsThatDoNotAddUpFailsCompleteness() async throws {
        let deleted = BoxScoreCompletenessCheck.evaluate(
            try await Self.inputs { $0.boxScores.removeAll { $0.playerID == CheckFixture.embiid } })
        #expect(deleted.blocks)
        #expect(
            deleted.sample == [
                FailingRow(key: "\(Self.game)/PHI", values: ["players": "10", "points_sum": "83", "score": "124"])
            ])
        let oneTeam = BoxScoreCompletenessCheck.evaluate(
            try await Self.inputs { $0.boxScores.removeAll { $0.gameID == Self.game && $0.team.code == "HOU" } })
        #expect(oneTeam.sample.map(\.key) == ["\(Self.game)/HOU"])
        #expect(oneTeam.sample.first?.values["found"] == "no box score for this team")
    }

    @Test func aTeamOfSevenPlayersIsFlagged() async throws {
        // PHI's four lowest scorers removed (the bundled data has two such real games: NYK in the 2024 play-offs).
        let result = TeamPlayersCheck.evaluate(
            try await Self.inputs { inputs in
                let cut: Set<Int> = [1627788, 1630231, 201587, 1627863]
                inputs.boxScores.removeAll { cut.contains($0.playerID) }
            })
        #expect(result.status == .failed && !result.blocks)
        #expect(result.sample == [FailingRow(key: "\(Self.game)/PHI", values: ["players": "7"])])
    }

    @Test func aDuplicatedBoxScoreOrATeamInTwoGamesFailsUniqueness() async throws {
        let result = RawUniquenessCheck.evaluate(
            try await Self.inputs { inputs in
                let embiid = inputs.boxScores.first { $0.playerID == CheckFixture.embiid }!
                inputs.boxScores.append(embiid)
                var second = inputs.games[0]
                second.game.gameID = "0022399999"
                inputs.games.append(second)
            })
        #expect(result.blocks)
        try #require(
            result.sample.map(\.key) == [
                "box_scores/\(Self.game)/203954", "games/team/HOU", "games/team/PHI",
            ])
        #expect(result.sample[1].values == ["rows": "2", "in": "0022300555,0022399999"])
    }

    @Test func oneBookQuotingAPlayerUnderTwoNamesIsFlagged() async throws {
        var real = try await Self.inputs()
        var twin = real.propQuotes.first { $0.playerID == CheckFixture.embiid }!
        twin.playerName = "Joel Embiid Jr"
        real.propQuotes.append(twin)
        let result = PropQuoteKeysCheck.evaluate(real)
        #expect(result.status == .failed && !result.blocks)
        #expect(
            result.sample == [
                FailingRow(
                    key: "203954/\(twin.market.rawValue)/\(twin.book)/\(twin.snapshotUTC)",
                    values: ["names": "Joel Embiid | Joel Embiid Jr", "lines": "\(twin.line)"])
            ])
    }

    @Test func aBoxScoreOnTheWrongTeamFailsReferences() async throws {
        let result = RawReferenceCheck.evaluate(
            try await Self.inputs { inputs in
                let index = inputs.boxScores.firstIndex { $0.playerID == CheckFixture.embiid }!
                inputs.boxScores[index].team = Team("BOS")!
            })
        #expect(result.blocks)
        #expect(
            result.sample == [
                FailingRow(
                    key: "box_scores/\(Self.game)/203954",
                    values: ["team": "BOS", "opponent": "HOU", "is_home": "1", "game": "HOU@PHI"])
            ])
    }

    @Test func impossibleValuesFailAcceptedValues() async throws {
        let result = RawAcceptedValuesCheck.evaluate(
            try await Self.inputs { inputs in
                let index = inputs.boxScores.firstIndex { $0.playerID == CheckFixture.embiid }!
                inputs.boxScores[index].points = 43  // 41 = 2·14 + 1 + 12 before
                inputs.gameLines[0].homeMoneyline = -50
            })
        #expect(result.blocks)
        try #require(
            result.sample.map(\.key) == ["box_scores/\(Self.game)/203954", "game_lines/\(Self.game)/sbr-closing"])
        #expect(result.sample[0].values["pts"] == "43 ≠ 2·FGM+3PM+FTM = 41")
        #expect(result.sample[1].values == ["home_moneyline": "-50.0"])
    }

    @Test func implausibleValuesAreFlagged() async throws {
        let result = RawPlausibleRangesCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.gameLines[0].total = 320
                let index = inputs.boxScores.firstIndex { $0.playerID == CheckFixture.embiid }!
                inputs.boxScores[index].rebounds = 41
            })
        #expect(result.status == .failed && !result.blocks)
        #expect(
            result.sample == [
                FailingRow(key: "box_scores/\(Self.game)/203954", values: ["reb": "41"]),
                FailingRow(key: "game_lines/\(Self.game)/sbr-closing", values: ["total": "320.0"]),
            ])
    }

    @Test func placeholderQuotesAreFlagged() async throws {
        let result = PropPlaceholderCheck.evaluate(
            try await Self.inputs { inputs in
                let index = inputs.propQuotes.firstIndex { $0.playerID == CheckFixture.embiid }!
                inputs.propQuotes[index].line = 0
                inputs.propQuotes[index].overOdds = nil
                inputs.propQuotes[index].underOdds = nil
            })
        #expect(result.status == .failed && result.failed == 1)
        let row = try #require(result.sample.first)
        #expect(row.key.contains("/Joel Embiid/"), "\(row.key)")
        #expect(row.values == ["line": "0.0", "over_odds": "–", "under_odds": "–", "why": "line of 0, no price"])
    }
}

/// UTC instants for tests.
enum UTCTestTime {
    static func date(_ text: String) -> Date {
        try! Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt).parse(text)
    }
}
