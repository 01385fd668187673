import Foundation
import HoopcastCore
import HoopcastStore
import SQLKit
import Testing

@testable import HoopcastGrading

/// The market context `evaluate` reads on a real backfilled fixture date: expected minutes and line book from the
/// feature rows, the closing quote from the raw prop lines.
struct EvaluationReaderTests {
    static let day = GameDate("2024-01-15")!

    @Test func closingQuotesAreTheLastPreTipSnapshotOfTheBook() async throws {
        let (store, outcome) = try await PredictionStepTests.backfilled(from: Self.day.description)
        #expect(outcome.succeeded)
        let reader = EvaluationReader(db: store.sql)
        let plain = try await reader.rows(from: Self.day, to: Self.day)
        let rows = try await reader.rowsWithMarketContext(from: Self.day, to: Self.day)
        #expect(rows.count == plain.count && rows.count > 100)
        #expect(rows.allSatisfy { $0.expectedMinutes != nil && $0.gameDate == Self.day })
        let lined = rows.filter { $0.line != nil }
        #expect(lined.count > 50 && lined.allSatisfy { $0.lineBook == "consensus" })
        // A backfill sees the last pre-tip snapshot when it predicts: the closing quote is the quote predicted against.
        #expect(
            lined.allSatisfy {
                $0.closing == LineQuote(line: $0.line!, overOdds: $0.overOdds, underOdds: $0.underOdds)
            })

        // Every book moves one player's line up a point an hour after its last snapshot (a snapshot the predictions
        // did not see; the fixture has no tip-off times, so every snapshot of the day counts as pre-tip): that
        // row's closing line is one higher; the other rows' do not change.
        let target = try #require(lined.first)
        let name = try #require(
            try await store.sql.raw(
                """
                SELECT player_name FROM registry_name_resolutions
                WHERE player_id = \(bind: target.playerID!) AND game_date = \(bind: Self.day.description)
                  AND status = 'resolved'
                """
            ).first()?.decode(column: "player_name", as: String.self))
        try await store.sql.raw(
            """
            INSERT INTO raw_prop_lines (game_date, source, book, book_type, market, player_name, line, over_odds,
                under_odds, snapshot_utc, commence_utc, event_id, home_team, away_team, content_hash, run_id)
            SELECT game_date, source, book, book_type, market, player_name, line + 1, over_odds, under_odds,
                   strftime('%Y-%m-%dT%H:%M:%SZ', snapshot_utc, '+1 hour'), commence_utc, event_id, home_team,
                   away_team, content_hash || '-moved', 'test'
            FROM raw_prop_lines p
            WHERE game_date = \(bind: Self.day.description) AND market = \(bind: target.market.rawValue)
              AND player_name = \(bind: name)
              AND snapshot_utc = (SELECT MAX(snapshot_utc) FROM raw_prop_lines q
                                  WHERE q.game_date = p.game_date AND q.market = p.market
                                    AND q.player_name = p.player_name)
            """
        ).run()
        let moved = try await reader.rowsWithMarketContext(from: Self.day, to: Self.day)
        let changed = moved.filter { $0.closing?.line != $0.line }
        #expect(!changed.isEmpty)
        #expect(
            changed.allSatisfy {
                $0.playerID == target.playerID && $0.market == target.market && $0.closing?.line == target.line! + 1
            })
        let closing = try #require(changed.first?.closing)
        let value = ClosingLineValue.of(
            side: .over, taken: LineQuote(line: target.line!, overOdds: nil, underOdds: nil), closing: closing)
        #expect(value?.line == 1)
        try await store.close()
    }
}
