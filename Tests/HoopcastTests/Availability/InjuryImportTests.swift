import Foundation
import HoopcastCore
import HoopcastIngest
import HoopcastStore
import SQLKit
import Testing

/// `hoopcast import` of the official injury reports: the same validation, content-hash diff, quarantine and strict
/// mode as the other canonical files, and the registry's name resolution. Counts from `wc -l` and `grep` over the
/// fixture file (473 rows after the header).
struct InjuryImportTests {
    @Test func importsEveryRowThenAReimportChangesNothing() async throws {
        let store = try await TestStore.fresh()
        let directory = try InjuryFixture.datasetCopy()
        let report = try await TestStore.importDirectory(directory, into: store)
        let injuries = try #require(report.files.first { $0.name == "injuries.csv" })
        #expect(injuries.inserted == 473 && injuries.rejected == 0)
        #expect(report.issues.isEmpty)
        // `grep -c ",not_yet_submitted,"` = 33 team rows, stored with an empty name.
        let teamRows = try await store.sql.raw(
            "SELECT COUNT(*) AS n FROM raw_injuries WHERE player_name = '' AND status = 'not_yet_submitted'"
        ).first()
        #expect(try teamRows?.decode(column: "n", as: Int.self) == 33)
        let before = try await TestStore.snapshot(store, "raw_injuries")
        let again = try await TestStore.importDirectory(directory, into: store)
        #expect(again.files.first { $0.name == "injuries.csv" }?.unchanged == 473)
        #expect(try await TestStore.snapshot(store, "raw_injuries") == before)
    }

    @Test func aChangedStatusIsUpdatedInPlace() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(try InjuryFixture.datasetCopy(), into: store)
        let row = "2024-01-15T17:30:00Z,0022300555,2024-01-15,2024-01-15T18:00:00Z,PHI,Mo Bamba,"
        let edited = try InjuryFixture.datasetCopy {
            $0.replacingOccurrences(of: row + "out,", with: row + "doubtful,")
        }
        let report = try await TestStore.importDirectory(edited, into: store)
        let injuries = try #require(report.files.first { $0.name == "injuries.csv" })
        #expect(injuries.updated == 1 && injuries.unchanged == 472)
    }

    /// A bad row: the edit, and the column and value the issue must name.
    struct BadRow: Sendable, CustomTestStringConvertible {
        let label: String
        let find: String
        let replace: String
        let column: String
        let value: String?
        var testDescription: String { label }
    }

    static let badRows: [BadRow] = [
        BadRow(
            label: "unknown status", find: "PHI,Mo Bamba,out,", replace: "PHI,Mo Bamba,injured,", column: "status",
            value: "injured"),
        BadRow(
            label: "report time not in UTC form",
            find: "2024-01-15T17:30:00Z,0022300555,2024-01-15,2024-01-15T18:00:00Z,PHI,Mo Bamba",
            replace: "2024-01-15 17:30,0022300555,2024-01-15,2024-01-15T18:00:00Z,PHI,Mo Bamba", column: "report_utc",
            value: "2024-01-15 17:30"),
        BadRow(
            label: "a team row naming a player",
            find: "0022300555,2024-01-15,2024-01-15T18:00:00Z,HOU,,not_yet_submitted",
            replace: "0022300555,2024-01-15,2024-01-15T18:00:00Z,HOU,Tari Eason,not_yet_submitted",
            column: "player_name", value: "Tari Eason"),
        BadRow(
            label: "a player row without a name", find: "PHI,Mo Bamba,out,", replace: "PHI,,out,",
            column: "player_name", value: ""),
        BadRow(
            label: "unknown team", find: "PHI,Mo Bamba,out,", replace: "PHX1,Mo Bamba,out,", column: "team",
            value: "PHX1"),
    ]

    @Test(arguments: badRows) func aBadRowIsRejectedNamingLineColumnAndValue(_ bad: BadRow) async throws {
        let text = try InjuryFixture.text()
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(bad.find) }) + 1
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(
            try InjuryFixture.datasetCopy { $0.replacingOccurrences(of: bad.find, with: bad.replace) }, into: store)
        let issue = try #require(report.issues.first)
        #expect(report.issues.count == 1)
        #expect(issue.file == "injuries.csv" && issue.line == line && issue.column == bad.column)
        if let value = bad.value, !value.isEmpty { #expect(issue.value == value) }
        #expect(report.files.first { $0.name == "injuries.csv" }?.inserted == 472)
        let quarantined = try await store.sql.raw("SELECT file, line FROM raw_import_quarantine").all()
        #expect(try quarantined.map { try $0.decode(column: "line", as: Int.self) } == [line])
    }

    @Test func strictModeLoadsNothingWhenAnInjuryRowIsBad() async throws {
        let store = try await TestStore.fresh()
        let report = try await TestStore.importDirectory(
            try InjuryFixture.datasetCopy {
                $0.replacingOccurrences(of: "PHI,Mo Bamba,out,", with: "PHI,Mo Bamba,gone,")
            },
            into: store, strict: true)
        #expect(report.aborted && report.issues.first?.column == "status")
        for table in ["raw_games", "raw_player_boxscores", "raw_injuries"] {
            #expect(try await TestStore.snapshot(store, table).isEmpty, "\(table) must stay empty")
        }
    }

    @Test func namesResolveThroughTheRegistryWithTheReportsTeam() async throws {
        let store = try await TestStore.fresh()
        try await TestStore.importDirectory(try InjuryFixture.datasetCopy(), into: store)
        try await RegistryAndNames.prepare(store)
        let entries = try await InjuryReportReader(db: store.sql).entries(on: GameDate("2024-01-15")!)
        #expect(entries.count == 473)
        let ids = Dictionary(entries.map { ($0.playerName, $0.playerID) }, uniquingKeysWith: { $1 })
        // Player ids from the fixture's box scores.
        #expect(ids["Joel Embiid"] == 203954)
        #expect(ids["Mo Bamba"] == 1628964)
        #expect(ids["Jaden Springer"] == 1630531)
        #expect(ids["Jalen Brunson"] == 1628973)
        #expect(entries.allSatisfy { ($0.playerName.isEmpty) == ($0.status == .notYetSubmitted) })
        // Prop-line resolutions are untouched: the summary counts prop lines only.
        let summary = try await NameResolutionPass.summary(store.sql)
        #expect(summary.rows == 2638)
    }
}
