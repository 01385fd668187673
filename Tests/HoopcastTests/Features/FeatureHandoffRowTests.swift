import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastAnalytics

/// What the feature step hands over is built from the rows it wrote (``StoredFeatureRow/asRead``, in
/// ``FeatureReader/inReadOrder``), not read back: on both engines it must equal, bit for bit and in order, what
/// ``FeatureReader/rows(on:)`` returns — including the awkward cases the fixture's dates do not have.
struct FeatureHandoffRowTests {
    static let date = GameDate("2024-01-05")!

    /// Rows whose keys sort differently as numbers and as text (player 9 and 10) and as enum cases and as names
    /// (`points` and `points_rebounds_assists`), with −0.0 values, a missing feature, a line of −0.0 and a line
    /// whose movement, books and range disagree with the features the store rebuilds them from.
    static func rows() -> [FeatureRow] {
        var rows: [FeatureRow] = []
        for gameID in ["0022300011", "0022300002"] {
            for playerID in [10, 9, 42] {
                for market in [Market.pointsReboundsAssists, .points, .assists] {
                    var values = FeatureColumnTests.values
                    values[.restDays] = Double(playerID) - 9.5
                    values[.lineMovement] = market == .points ? -0.0 : 0.5
                    if playerID == 9 { values[.spread] = nil }  // stored as 0
                    var row = FeatureRow(
                        gameID: gameID, playerID: playerID, team: Team("PHI")!, market: market, values: values,
                        defaulted: playerID == 42 ? [] : [.spread], skipReason: playerID == 10 ? "too few games" : nil)
                    if playerID != 42 {
                        row.line = ChosenLine(
                            line: market == .assists ? -0.0 : 24.5, book: "draftkings", overOdds: -115,
                            underOdds: playerID == 9 ? nil : -105, movement: 7, books: 99,
                            snapshotUTC: "2024-01-05T22:00:00Z", range: 3)
                    }
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// Every field of a row, doubles by their bits, so that −0.0 and 0.0 differ.
    static func bits(_ row: StoredFeatureRow) -> String {
        var parts = [row.gameID, "\(row.playerID)", row.market.rawValue, row.gameDate.description]
        parts += Feature.allCases.map { row.values[$0].map { "\($0.bitPattern)" } ?? "absent" }
        parts += ["\(row.quality.bitPattern)", row.gate.rawValue, row.skipReason ?? "-"]
        if let line = row.line {
            parts += [
                "\(line.line.bitPattern)", line.book, "\(line.overOdds.map(\.bitPattern) as Any)",
                "\(line.underOdds.map(\.bitPattern) as Any)", "\(line.movement.bitPattern)", "\(line.books)",
                line.snapshotUTC, "\(line.range.bitPattern)",
            ]
        }
        return parts.joined(separator: "|")
    }

    @Test(arguments: TestEngine.available)
    func whatIsHandedOverIsWhatAReadReturnsBitForBit(engine: TestEngine) async throws {
        let store = try await engine.freshStore()
        let written = Self.rows().map { StoredFeatureRow($0, date: Self.date) }
        _ = try await PartitionWriter(StoredFeatureRow.table).replace(
            partition: [("game_date", .text(Self.date.description)), ("feature_version", .text(Feature.version))],
            with: written.map(\.storedValues), runID: "t", in: store)
        let read = try await FeatureReader(db: store.sql).rows(on: Self.date)
        let handed = try written.map { try #require($0.asRead) }.sorted(by: FeatureReader.inReadOrder)
        #expect(read.count == 18)
        #expect(handed.map(Self.bits) == read.map(Self.bits))
        #expect(handed == read)
        // The order is the store's: game, then player as a number, then market by name.
        #expect(
            read.prefix(3).map { "\($0.playerID) \($0.market.rawValue)" } == [
                "9 assists", "9 points", "9 points_rebounds_assists",
            ])
        #expect(read[3].playerID == 10 && read.first?.gameID == "0022300002")
        try await store.close()
    }

    @Test func aRowHoldingANaNIsNotHandedOverAndNeitherIsItsDate() async throws {
        var values = FeatureColumnTests.values
        values[.opponentPace] = .nan
        let row = FeatureRow(
            gameID: "0022300001", playerID: 7, team: Team("PHI")!, market: .points, values: values, defaulted: [])
        #expect(StoredFeatureRow(row, date: Self.date).asRead == nil)
        var lined = FeatureColumnTests.row(.rebounds)
        lined.line?.overOdds = .nan
        #expect(StoredFeatureRow(lined, date: Self.date).asRead == nil)

        let store = try await Store.open(.sqliteMemory)
        try await store.transaction { db in
            try await PartitionVersions.bump(FeatureReader.table, dates: [Self.date.description], on: db)
        }
        let good = StoredFeatureRow(FeatureColumnTests.row(.points), date: Self.date)
        let handoff = FeatureHandoff()
        handoff.deposit(
            [good, StoredFeatureRow(row, date: Self.date)], date: Self.date, planned: 0, committed: 1, bumps: 1)
        #expect(try await handoff.handed(on: Self.date, db: store.sql) == nil)
        handoff.deposit([good], date: Self.date, planned: 0, committed: 1, bumps: 1)
        #expect(try await handoff.handed(on: Self.date, db: store.sql)?.count == 1)
        try await store.close()
    }

    @Test func aWriteByAnotherBetweenThePlanAndTheCommitLeavesNothingHandedOver() async throws {
        let store = try await Store.open(.sqliteMemory)
        // The counter after the commit: another writer's bump and this step's.
        try await store.transaction { db in
            for _ in 0..<2 {
                try await PartitionVersions.bump(FeatureReader.table, dates: [Self.date.description], on: db)
            }
        }
        let good = StoredFeatureRow(FeatureColumnTests.row(.points), date: Self.date)
        let handoff = FeatureHandoff()
        handoff.deposit([good], date: Self.date, planned: 0, committed: 2, bumps: 1)
        #expect(try await handoff.handed(on: Self.date, db: store.sql) == nil)
        // A write that changed nothing, while another moved the counter: nothing either.
        handoff.deposit([good], date: Self.date, planned: 1, committed: 2, bumps: 0)
        #expect(try await handoff.handed(on: Self.date, db: store.sql) == nil)
        // Alone: kept.
        handoff.deposit([good], date: Self.date, planned: 1, committed: 2, bumps: 1)
        let kept = try #require(good.asRead)
        #expect(try await handoff.handed(on: Self.date, db: store.sql) == [kept])
        try await store.close()
    }
}
