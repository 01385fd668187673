import Foundation
import SQLKit
import Testing

@testable import HoopcastStore

/// Migration 31: every CHECK over a list of constants becomes the same test as comparisons, in place, and the
/// constraints still refuse what they refused.
struct ListFreeChecksTests {
    @Test func listsBecomeComparisonChains() {
        #expect(
            CheckListRewrite.rewritten("market TEXT NOT NULL CHECK (market IN ('points', 'threes')),")
                == "market TEXT NOT NULL CHECK ((market = 'points' OR market = 'threes')),")
        #expect(
            CheckListRewrite.rewritten("CHECK (recommendation NOT IN ('OVER', 'UNDER') OR (edge IS NOT NULL))")
                == "CHECK ((recommendation <> 'OVER' AND recommendation <> 'UNDER') OR (edge IS NOT NULL))")
        #expect(
            CheckListRewrite.rewritten("is_home INTEGER NOT NULL CHECK (is_home IN (0, 1)), x CHECK (x IN ('a'))")
                == "is_home INTEGER NOT NULL CHECK ((is_home = 0 OR is_home = 1)), x CHECK ((x = 'a'))")
        // Spread over lines, as raw_injuries writes it.
        #expect(
            CheckListRewrite.rewritten("status TEXT CHECK (status IN\n        ('out',\n 'available')),")
                == "status TEXT CHECK ((status = 'out' OR status = 'available')),")
        // Not a list of constants: left alone.
        for untouched in ["CHECK (a IN (SELECT b FROM t))", "CHECK (a IN (b, c))", "CHECK (a >= 0)", "x IN ()"] {
            #expect(CheckListRewrite.rewritten(untouched) == untouched)
        }
    }

    @Test func aNewStoreHasNoListsAndItsChecksStillRefuse() async throws {
        let path = Scratch.root.appendingPathComponent("hoopcast-checks-\(UUID()).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await Store.withOpen(.sqlite(path: path)) { store in
            let tables = try await store.sql.raw("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
            // Nothing left to rewrite, and no list of texts in any form.
            let withLists = try tables.filter { row in
                let ddl = try row.decode(column: "sql", as: String.self)
                return CheckListRewrite.rewritten(ddl) != ddl || ddl.contains(/IN\s*\(\s*'/)
            }
            #expect(withLists.isEmpty)
            #expect(
                try await store.sql.raw("PRAGMA integrity_check").first()?.decode(
                    column: "integrity_check", as: String.self) == "ok")
            let predictions = try #require(
                try tables.first { try $0.decode(column: "name", as: String.self) == "predictions_player_props" })
            #expect(
                try predictions.decode(column: "sql", as: String.self).contains(
                    "(recommendation = 'OVER' OR recommendation = 'UNDER' OR recommendation = 'PASS' OR recommendation = 'NO_LINE')"
                ))

            func insert(market: String, recommendation: String, confidence: Double?) async throws {
                try await store.sql.raw(
                    """
                    INSERT INTO predictions_player_props (game_id, player_id, market, system, feature_version,
                        game_date, predicted_value, standard_deviation, p_over_raw, p_over, confidence, line,
                        edge, recommendation, model, content_hash, run_id)
                    VALUES ('g', 1, \(bind: market), 's\(unsafeRaw: "\(UUID().uuidString.prefix(8))")', 'v2',
                        '2024-01-15', 20, 5, 0.6, 0.6, \(bind: confidence), 19.5, 0.05, \(bind: recommendation),
                        'm', 'h', 'r')
                    """
                ).run()
            }
            try await insert(market: "points", recommendation: "OVER", confidence: 60)
            try await insert(market: "points", recommendation: "PASS", confidence: nil)
            await #expect(throws: SQLiteFailure.self) {
                try await insert(market: "steals", recommendation: "PASS", confidence: nil)
            }
            await #expect(throws: SQLiteFailure.self) {
                try await insert(market: "points", recommendation: "over", confidence: 60)
            }
            // The NOT IN: an OVER needs its confidence.
            await #expect(throws: SQLiteFailure.self) {
                try await insert(market: "points", recommendation: "OVER", confidence: nil)
            }
            let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM predictions_player_props").first()
            #expect(try count?.decode(column: "n", as: Int.self) == 2)
        }
        // Reopened: the schema reads back, nothing is migrated again.
        try await Store.withOpen(.sqlite(path: path)) { store in
            let status = try await store.schemaStatus()
            #expect(status.applied == 31 && status.expected == 31)
        }
    }
}
