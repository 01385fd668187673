import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastIngest

/// Values that are valid but impossible: a game outside its season, a result from the future, a whole number written
/// as something else.
struct ImportValueTests {
    static let game = "0022300555,2023-24,regular_season,2024-01-15,PHI,HOU,124,115"

    static func importDirectory(_ directory: URL, into store: Store, today: GameDate) async throws -> ImportReport {
        try await DatasetImporter(store: store, today: today).importDirectory(directory, runID: "values")
    }

    // MARK: dates within the season

    @Test func seasonBoundsAreAugustFirstToJulyThirtyFirstWithTheBubbleSeasonLonger() {
        #expect(Season(startYear: 2023).possibleGameDates == GameDate("2023-08-01")!...GameDate("2024-07-31")!)
        #expect(Season(startYear: 2019).possibleGameDates == GameDate("2019-08-01")!...GameDate("2020-10-31")!)
        // The 2021 Finals ended on 20 July; the bubble Finals of 2019-20 on 11 October 2020.
        #expect(Season(startYear: 2020).possibleGameDates.contains(GameDate("2021-07-20")!))
        #expect(Season(startYear: 2019).possibleGameDates.contains(GameDate("2020-10-11")!))
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        let date: String
        let accepted: Bool
        var testDescription: String { "\(date) \(accepted ? "accepted" : "rejected")" }
    }

    @Test(arguments: [
        DateCase(date: "2099-01-15", accepted: false), DateCase(date: "2023-07-31", accepted: false),
        DateCase(date: "2023-08-01", accepted: true), DateCase(date: "2024-07-31", accepted: true),
        DateCase(date: "2024-08-01", accepted: false),
    ])
    func aGameMustBeDatedWithinItsSeason(_ dateCase: DateCase) async throws {
        let edited = try TestStore.fixtureCopy(editing: "games.csv") {
            $0.replacingOccurrences(
                of: Self.game,
                with: Self.game.replacingOccurrences(of: "2024-01-15", with: dateCase.date))
        }
        // "Today" after every date but 2099, so only the season rule can reject.
        let report = try await Self.importDirectory(
            edited, into: try await TestStore.fresh(),
            today: GameDate("2025-01-01")!)
        let issues = report.issues.filter { $0.file == "games.csv" }
        if dateCase.accepted {
            #expect(issues.isEmpty)
        } else {
            let issue = try #require(issues.first)
            #expect(issues.count == 1)
            #expect(issue.line == 193 && issue.column == "game_date" && issue.value == dateCase.date)
            #expect(issue.reason == "outside season 2023-24 (2023-08-01 to 2024-07-31)")
        }
    }

    // MARK: results not from the future

    @Test func resultsDatedAfterTodayAreRejectedAndEverythingElseLoads() async throws {
        let store = try await TestStore.fresh()
        let report = try await Self.importDirectory(TestStore.fixture, into: store, today: GameDate("2024-01-15")!)
        let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.name, $0) })
        // Counted with awk over the fixture: 32 games and 686 box-score rows are dated after 2024-01-15.
        #expect(byName["games.csv"]?.rejected == 32 && byName["games.csv"]?.inserted == 202)
        #expect(byName["player_boxscores.csv"]?.rejected == 686 && byName["player_boxscores.csv"]?.inserted == 4376)
        #expect(byName["game_lines.csv"]?.rejected == 0 && byName["prop_lines.csv"]?.rejected == 0)
        let games = report.issues.filter { $0.file == "games.csv" }
        #expect(
            games.allSatisfy {
                $0.column == "home_pts" && $0.reason.hasSuffix("after today (2024-01-15): it has not been played")
            })
        #expect(report.issues.filter { $0.file == "player_boxscores.csv" }.allSatisfy { $0.column == "game_date" })
        let latest = try await store.sql.raw("SELECT MAX(game_date) AS d FROM raw_games").first()?
            .decode(column: "d", as: String.self)
        #expect(latest == "2024-01-15")
    }

    @Test func aScheduledGameWithoutScoresMayBeInTheFuture() {
        func game(_ id: String, _ home: String, _ away: String) -> [String: String] {
            [
                "game_id": id, "season": "2023-24", "season_type": "regular_season", "game_date": "2024-01-24",
                "home_team": "GSW", "away_team": "ATL", "home_pts": home, "away_pts": away,
            ]
        }
        let rows = [game("0022300620", "", ""), game("0022300621", "130", "120")]
        let (valid, issues) = FieldRowWriter.validate(
            GameRecord.self, name: "live", rows: rows,
            today: GameDate("2024-01-23")!)
        #expect(valid == 1)
        #expect(issues.map(\.line) == [3] && issues.first?.column == "home_pts" && issues.first?.value == "130")
    }

    // MARK: whole numbers

    @Test(arguments: [("12", 12), ("12.0", 12), ("12.00", 12), ("-3", -3), ("0", 0), ("-0", 0), ("007", 7)])
    func wholeNumbersAreAccepted(_ text: String, _ value: Int) {
        #expect(RowReader.parseInt(text) == value)
    }

    @Test(arguments: [
        "1e3", "1E3", "0x10", "+5", "12.5", "12.01", "12.", ".5", "-", "", "1_000", "12.0.0", "1,000",
        "99999999999999999999", "\u{FF11}\u{FF12}", "nan", "inf", "12 0",
    ])
    func wholeNumbersWrittenOtherwiseAreRejected(_ text: String) {
        #expect(RowReader.parseInt(text) == nil)
    }

    /// A pick'em spread written `-0` or `-0.0` is stored as 0: PostgreSQL would keep the sign and SQLite not, so
    /// the engines held different values (found by `SeasonMonthParityTests`).
    @Test(arguments: ["-0", "-0.0", "0", "0.0"])
    func aNegativeZeroIsReadAsZero(_ text: String) throws {
        let reader = RowReader(
            file: "game_lines.csv", record: CSVRecord(line: 2, fields: [text]),
            columnIndex: ["home_spread": 0], today: GameDate("2024-01-15")!)
        let value = try reader.double("home_spread")
        #expect(value == 0 && value.sign == .plus)
    }

    struct PointsCase: Sendable, CustomTestStringConvertible {
        let written: String
        let stored: Int?
        var testDescription: String { "pts '\(written)'" }
    }

    @Test(arguments: [
        PointsCase(written: "4.1e1", stored: nil), PointsCase(written: "0x29", stored: nil),
        PointsCase(written: "+41", stored: nil), PointsCase(written: "41.0", stored: 41),
        PointsCase(written: " 41 ", stored: 41),
    ])
    func pointsMustBeWrittenAsAWholeNumber(_ points: PointsCase) async throws {
        let find = "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,41,"
        let edited = try TestStore.fixtureCopy(editing: "player_boxscores.csv") {
            $0.replacingOccurrences(
                of: find,
                with: "203954,Joel Embiid,PHI,HOU,1,31.266666666666666,\(points.written),")
        }
        let store = try await TestStore.fresh()
        let report = try await Self.importDirectory(edited, into: store, today: GameDate("2024-12-31")!)
        let row = try await store.sql.raw(
            """
            SELECT pts FROM raw_player_boxscores WHERE game_id = '0022300555' AND player_id = 203954
            """
        ).first()
        if let stored = points.stored {
            #expect(report.issues.isEmpty)
            #expect(try row?.decode(column: "pts", as: Int.self) == stored)
        } else {
            #expect(report.issues.count == 1)
            #expect(report.issues.first?.column == "pts" && report.issues.first?.value == points.written)
            #expect(report.issues.first?.reason == "not a whole number")
            #expect(row == nil)
        }
    }

    // MARK: the real data

    /// Every file of the bundled data validated with today's date: the only rejections are the 3 known game-line
    /// totals (as before these rules), so no real game, box score or whole number is impossible by them.
    @Test func theBundledDataStillHasOnlyItsThreeKnownRejections() throws {
        var issuesByFile: [String: [ImportIssue]] = [:]
        for (type, url) in try DatasetImporter.locate(in: TestPaths.repo("data/demo")) {
            let file = try type.prepareForWrite(url, today: .eastern(), progress: SilentImportProgress())
            issuesByFile[file.fileName] = file.allIssues
        }
        #expect(issuesByFile.count == 5)
        #expect(issuesByFile["games.csv.gz"]?.isEmpty == true)
        #expect(issuesByFile["injuries.csv.gz"]?.isEmpty == true)
        #expect(issuesByFile["player_boxscores.csv.gz"]?.isEmpty == true)
        #expect(issuesByFile["prop_lines.csv.gz"]?.isEmpty == true)
        #expect(issuesByFile["game_lines.csv.gz"]?.count == 3)
        #expect(issuesByFile["game_lines.csv.gz"]?.allSatisfy { $0.column == "total" } == true)
    }
}
