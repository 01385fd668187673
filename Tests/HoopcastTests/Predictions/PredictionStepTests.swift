import Foundation
import HoopcastAnalytics
import HoopcastCore
import HoopcastEngine
import HoopcastGrading
import HoopcastModels
import HoopcastPredictions
import HoopcastStore
import SQLKit
import Testing

/// The predict and grade steps on the real fixture, run for 2024-01-08 → 2024-01-15 like a backfill.
struct PredictionStepTests {
    static let date = GameDate("2024-01-15")!
    static let pipeline: @Sendable () throws -> Pipeline = {
        try Pipeline([
            GameSummariesStep(), UpcomingContextStep(), FeatureStep(), PredictStep(graded: { GradeReader(db: $0) }),
            GradeStep(),
        ])
    }

    /// A store with the fixture imported and every date from `from` through `through` run in order.
    static func backfilled(
        _ directory: URL = TestStore.fixture, from: String = "2024-01-08", through: GameDate = date,
        engine: TestEngine = .sqlite, pipeline given: Pipeline? = nil
    ) async throws -> (store: Store, last: PipelineRunner.DateOutcome) {
        let store = try await engine.freshStore()
        try await TestStore.importDirectory(directory, into: store)
        try await RegistryAndNames.prepare(store)
        let runner = PipelineRunner(pipeline: try given ?? pipeline(), store: store)
        var day = GameDate(from)!
        var last: PipelineRunner.DateOutcome?
        while day <= through {
            let games = try await store.sql.raw(
                "SELECT COUNT(*) AS n FROM raw_games WHERE game_date = \(bind: day.description)"
            )
            .first()!.decode(column: "n", as: Int.self)
            if games > 0 {
                let outcome = try await runner.run(date: day, runID: "test-\(day)")
                #expect(outcome.succeeded, "\(day): \(outcome.steps.compactMap(\.error))")
                last = outcome
            }
            day = day.adding(days: 1)
        }
        return (store, try #require(last))
    }

    /// One shared backfilled store for the read-only tests.
    static let shared = Task { try await backfilled() }

    static func count(_ store: Store, _ sql: String) async throws -> Int {
        // test-only constant SQL
        try await store.sql.raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self)
    }

    @Test func everyGatedRowGetsOnePredictionPerSystem() async throws {
        let (store, _) = try await Self.shared.value
        let day = "game_date = '\(Self.date)'"
        let gated = try await Self.count(
            store, "SELECT COUNT(*) AS n FROM features_player_market WHERE \(day) AND gate = 'pass'")
        let systems = try await Self.count(
            store, "SELECT COUNT(DISTINCT system) AS n FROM predictions_player_props WHERE \(day)")
        #expect(gated > 1000)
        #expect(systems == 5)  // moving_average, matchup, similarity, ensemble, stack
        #expect(
            try await Self.count(store, "SELECT COUNT(*) AS n FROM predictions_player_props WHERE \(day)") == gated
                * systems)
        // NO_LINE exactly when the feature store saw no line.
        let lined = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM features_player_market WHERE \(day) AND gate = 'pass'
              AND f_has_line = 1
            """)
        #expect(lined > 100)
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM predictions_player_props WHERE \(day) AND recommendation <> 'NO_LINE'
                """) == lined * systems)
        // No prediction for a row the gate skipped.
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM predictions_player_props p JOIN features_player_market f
                  ON f.game_id = p.game_id AND f.player_id = p.player_id AND f.market = p.market
                WHERE f.gate = 'skip'
                """) == 0)
    }

    /// Embiid's PRA on 2024-01-15, latest snapshot (18:05:39): 50.5 at five books with overs −145, −140, −135,
    /// −130, −125 and unders −105, −101, +100, +110, +110 → medians −135 and +100 (stored as its equal, −100).
    @Test func lineAndPricesAreTheLatestConsensus() async throws {
        let (store, _) = try await Self.shared.value
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT line, line_book, over_odds, under_odds, recommendation, confidence, p_over, p_over_raw
                FROM predictions_player_props
                WHERE game_date = \(bind: Self.date.description) AND player_id = 203954
                  AND market = 'points_rebounds_assists' AND system = 'matchup'
                """
            ).first())
        #expect(try row.decode(column: "line", as: Double.self) == 50.5)
        #expect(try row.decode(column: "line_book", as: String.self) == "consensus")
        #expect(try row.decode(column: "over_odds", as: Double.self) == -135)
        #expect(try row.decode(column: "under_odds", as: Double.self) == -100)
        let raw = try row.decode(column: "p_over_raw", as: Double.self)
        #expect(raw > 0 && raw < 1)
    }

    /// A week of fixture history holds far fewer graded lined predictions than a calibration map needs: every
    /// lined prediction is a PASS without confidence — never an uncalibrated number passed off as one.
    @Test func withoutEnoughGradedHistoryThereAreNoBets() async throws {
        let (store, _) = try await Self.shared.value
        let evidence = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM grading_prediction_results
            WHERE game_date < '\(Self.date)' AND line IS NOT NULL AND actual IS NOT NULL AND system = 'matchup'
            """)
        #expect(evidence > 0 && evidence < CalibrationBook.minimumSamples)
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM predictions_player_props
                WHERE recommendation IN ('OVER', 'UNDER') OR (recommendation = 'PASS' AND confidence IS NOT NULL)
                """) == 0)
    }

    @Test func gradesMatchTheBoxScores() async throws {
        let (store, _) = try await Self.shared.value
        let day = "'\(Self.date)'"
        let predictions = try await Self.count(
            store, "SELECT COUNT(*) AS n FROM predictions_player_props WHERE game_date = \(day)")
        #expect(
            try await Self.count(store, "SELECT COUNT(*) AS n FROM grading_prediction_results WHERE game_date = \(day)")
                == predictions)
        // Actual = the box-score stat of the market, error = |predicted − actual|; no box-score row → no actual.
        let wrong = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM grading_prediction_results g
            LEFT JOIN raw_player_boxscores b ON b.game_id = g.game_id AND b.player_id = g.player_id
            WHERE g.game_date = \(day) AND NOT (
              (b.player_id IS NULL AND g.actual IS NULL AND g.absolute_error IS NULL) OR
              (g.actual = CASE g.market WHEN 'points' THEN b.pts WHEN 'rebounds' THEN b.reb WHEN 'assists' THEN b.ast
                                        WHEN 'threes' THEN b.fg3m ELSE b.pts + b.reb + b.ast END
               AND abs(g.absolute_error - abs(g.predicted_value - g.actual)) < 1e-9))
            """)
        #expect(wrong == 0)
        let didNotPlay = try await Self.count(
            store, "SELECT COUNT(*) AS n FROM grading_prediction_results WHERE game_date = \(day) AND actual IS NULL")
        #expect(didNotPlay > 0)
        // Daily performance equals an independent aggregate of the graded rows.
        let mismatched = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM grading_system_daily d JOIN (
              SELECT system, market, COUNT(*) AS predictions, COUNT(actual) AS graded, AVG(absolute_error) AS mae,
                     SUM(actual IS NOT NULL AND line IS NOT NULL) AS lined
              FROM grading_prediction_results WHERE game_date = \(day) GROUP BY system, market) a
              ON a.system = d.system AND a.market = d.market
            WHERE d.game_date = \(day) AND NOT (d.predictions = a.predictions AND d.graded = a.graded
              AND abs(d.mae - a.mae) < 1e-9 AND d.lined = a.lined)
            """)
        #expect(mismatched == 0)
        #expect(
            try await Self.count(store, "SELECT COUNT(*) AS n FROM grading_system_daily WHERE game_date = \(day)") == 5
                * 5)
    }

    @Test func rerunningTheDateChangesNothing() async throws {
        let (store, _) = try await Self.backfilled(from: "2024-01-14")
        let before = try await TestStore.snapshot(store, "predictions_player_props")
        let graded = try await TestStore.snapshot(store, "grading_prediction_results")
        let again = try await PipelineRunner(pipeline: try Self.pipeline(), store: store).run(
            date: Self.date, runID: "again")
        #expect(again.succeeded)
        // Every step, predictions included, finds every row unchanged and writes nothing.
        #expect(again.steps.allSatisfy { ($0.report?.rowsWritten ?? -1) == 0 })
        #expect(try await TestStore.snapshot(store, "predictions_player_props") == before)
        #expect(try await TestStore.snapshot(store, "grading_prediction_results") == graded)
    }

    /// The history cache answers exactly what a fresh read answers.
    @Test func historyCacheEqualsAFreshRead() async throws {
        let (store, _) = try await Self.shared.value
        let players = Set(
            try await store.sql.raw(
                """
                SELECT DISTINCT player_id FROM features_player_market WHERE game_date = \(bind: Self.date.description)
                """
            ).all().map { try $0.decode(column: "player_id", as: Int.self) })
        let cache = PlayerHistory()
        _ = try await cache.history(of: players, before: GameDate("2024-01-12")!, db: store.sql)
        _ = try await cache.history(of: Set(players.prefix(20)), before: GameDate("2024-01-14")!, db: store.sql)
        let incremental = try await cache.history(of: players, before: Self.date, db: store.sql)
        let fresh = try await PlayerHistory().history(of: players, before: Self.date, db: store.sql)
        #expect(incremental == fresh)
        #expect(fresh.values.map(\.count).reduce(0, +) > 500)
        #expect(fresh.values.allSatisfy { $0.allSatisfy { $0.date < Self.date } })
    }
}

extension PredictionStepTests {
    /// Point in time for predictions: altering every box score and result dated D or later, and every prop line
    /// dated after D, leaves D's predictions (values, lines, probabilities, recommendations) identical.
    @Test func alteringFutureRowsChangesNoPrediction() async throws {
        var altered = try TestStore.fixtureCopy(editing: "player_boxscores.csv") {
            LeakageTests.alterFuture($0, file: "player_boxscores.csv")
        }
        altered.standardize()
        for file in ["games.csv", "prop_lines.csv"] {
            let url = altered.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            text =
                file == "games.csv" ? LeakageTests.alterFuture(text, file: file) : Self.raiseLinesAfter(Self.date, text)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let original = try await Self.backfilled(from: "2024-01-11")
        let changed = try await Self.backfilled(altered, from: "2024-01-11")
        let condition = "game_date = '\(Self.date)'"
        let before = try await TestStore.snapshot(
            original.store, "predictions_player_props", excluding: ["run_id"], where: condition)
        let after = try await TestStore.snapshot(
            changed.store, "predictions_player_props", excluding: ["run_id"], where: condition)
        #expect(before.count > 4000)
        let differing = Set(before).symmetricDifference(after)
        #expect(
            before.count == after.count && differing.isEmpty,
            "\(differing.count) predictions differ, e.g. \(differing.prefix(1))")
        // The alteration is real: D's grades differ (its box scores changed).
        let gradesBefore = try await TestStore.snapshot(
            original.store, "grading_prediction_results", excluding: ["run_id"], where: condition)
        let gradesAfter = try await TestStore.snapshot(
            changed.store, "grading_prediction_results", excluding: ["run_id"], where: condition)
        #expect(gradesBefore != gradesAfter)
    }

    /// Adds 3 to every prop line dated after `date`.
    static func raiseLinesAfter(_ date: GameDate, _ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        let dateColumn = header.firstIndex(of: "game_date")!, lineColumn = header.firstIndex(of: "line")!
        for index in 1..<lines.count where !lines[index].isEmpty {
            var fields = lines[index].components(separatedBy: ",")
            guard fields.count == header.count, fields[dateColumn] > date.description,
                let line = Double(fields[lineColumn])
            else { continue }
            fields[lineColumn] = String(line + 3)
            lines[index] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }
}

extension PredictionStepTests {
    /// The feature step reads history through caches that carry over from one date to the next: after a week of
    /// dates, D's features equal those of a fresh store that ran only D.
    @Test func cachedHistoryGivesTheSameFeaturesAsAFreshRun() async throws {
        let (cached, _) = try await Self.shared.value
        let (fresh, outcome) = try await FeatureStoreTests.features(on: Self.date)
        #expect(outcome.succeeded)
        let condition = "game_date = '\(Self.date)'"
        let a = try await TestStore.snapshot(cached, "features_player_market", excluding: ["run_id"], where: condition)
        let b = try await TestStore.snapshot(fresh, "features_player_market", excluding: ["run_id"], where: condition)
        #expect(a.count > 1000)
        let differing = Set(a).symmetricDifference(b)
        #expect(a.count == b.count && differing.isEmpty, "\(differing.count) rows differ, e.g. \(differing.prefix(1))")
    }
}

extension PredictionStepTests {
    /// With the committed registry, D gets `catboost` predictions from the newest model trained before D (the
    /// 2023-10-01 set, fit through 2022-23), never from the set trained through 2023-24.
    @Test func catboostPredictsWithTheNewestModelTrainedBeforeTheDate() async throws {
        let (store, outcome) = try await FeatureStoreTests.features(on: Self.date)
        #expect(outcome.succeeded)
        let registry = try ModelRegistry(directory: TestPaths.repo("models"))
        let step = PredictStep(
            members: { date in
                SystemMember.ruleBased + [SystemMember(CatBoostSystem(models: try registry.models(on: date)))]
            },
            graded: { GradeReader(db: $0) })
        let runner = PipelineRunner(
            pipeline: try Pipeline([GameSummariesStep(), UpcomingContextStep(), FeatureStep(), step]),
            store: store)
        let run = try await runner.run(date: Self.date, runID: "catboost")
        #expect(run.succeeded, "\(run.steps.compactMap(\.error))")
        let models = try await store.sql.raw(
            """
            SELECT DISTINCT market, model FROM predictions_player_props
            WHERE game_date = \(bind: Self.date.description) AND system = 'catboost'
            """
        ).all().map {
            "\(try $0.decode(column: "market", as: String.self)) \(try $0.decode(column: "model", as: String.self))"
        }
        #expect(Set(models) == Set(Market.allCases.map { "\($0.rawValue) \($0.rawValue)@2023-10-01" }))
        let gated = try await Self.count(
            store, "SELECT COUNT(*) AS n FROM features_player_market WHERE game_date = '\(Self.date)' AND gate = 'pass'"
        )
        #expect(
            try await Self.count(store, "SELECT COUNT(*) AS n FROM predictions_player_props WHERE system = 'catboost'")
                == gated)
        #expect(
            try await Self.count(
                store,
                "SELECT COUNT(*) AS n FROM predictions_player_props WHERE system = 'ensemble' AND model LIKE '%@2023-10-01%'"
            ) == gated)
    }
}

extension PredictionStepTests {
    /// With a book preference, Embiid's PRA line is BetMGM's own at its latest snapshot: 50.5 at −125 / −105.
    @Test func preferredBooksGiveThatBooksLineAndPrices() async throws {
        let (store, outcome) = try await FeatureStoreTests.features(on: Self.date)
        #expect(outcome.succeeded)
        let features = FeatureStep(linePolicy: .preferred(["caesars_unknown", "betmgm"]))
        let run = try await PipelineRunner(
            pipeline: try Pipeline([
                GameSummariesStep(), UpcomingContextStep(), features, PredictStep(graded: { GradeReader(db: $0) }),
            ]), store: store
        ).run(date: Self.date, runID: "books")
        #expect(run.succeeded)
        let row = try #require(
            try await store.sql.raw(
                """
                SELECT line, line_book, over_odds, under_odds FROM predictions_player_props
                WHERE game_date = \(bind: Self.date.description) AND player_id = 203954
                  AND market = 'points_rebounds_assists' AND system = 'matchup'
                """
            ).first())
        #expect(try row.decode(column: "line_book", as: String.self) == "betmgm")
        #expect(try row.decode(column: "line", as: Double.self) == 50.5)
        #expect(try row.decode(column: "over_odds", as: Double.self) == -125)
        #expect(try row.decode(column: "under_odds", as: Double.self) == -105)
    }
}

extension PredictionStepTests {
    /// The line is chosen once: with `--books draftkings`, every lined prediction's line and prices are those the
    /// feature step stored for its row, and those are one real DraftKings quote of the date at the stored snapshot.
    @Test func theFeatureLineThePredictionLineAndItsPricesAreOneQuoteOfTheBook() async throws {
        let (store, outcome) = try await FeatureStoreTests.features(on: Self.date)
        #expect(outcome.succeeded)
        let features = FeatureStep(linePolicy: .preferred(["draftkings"]))
        let run = try await PipelineRunner(
            pipeline: try Pipeline([
                GameSummariesStep(), UpcomingContextStep(), features, PredictStep(graded: { GradeReader(db: $0) }),
            ]), store: store
        ).run(date: Self.date, runID: "draftkings")
        #expect(run.succeeded, "\(run.steps.compactMap(\.error))")
        let day = Self.date.description
        let lined = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM predictions_player_props
            WHERE game_date = '\(day)' AND line IS NOT NULL AND line_book = 'draftkings'
            """)
        #expect(lined > 100)
        // Prediction = feature row's stored line, book and prices.
        #expect(
            try await Self.count(
                store,
                """
                SELECT COUNT(*) AS n FROM predictions_player_props p
                JOIN features_player_market f ON f.game_id = p.game_id AND f.player_id = p.player_id AND f.market = p.market
                 AND f.feature_version = p.feature_version
                WHERE p.game_date = '\(day)' AND p.line IS NOT NULL
                  AND f.line = p.line AND f.line_book = p.line_book AND f.line_over_odds = p.over_odds
                  AND f.line_under_odds = p.under_odds
                """)
                == (try await Self.count(
                    store,
                    """
                    SELECT COUNT(*) AS n FROM predictions_player_props WHERE game_date = '\(day)' AND line IS NOT NULL
                    """)))
        // The stored line is a real quote of that book at that snapshot.
        let unmatched = try await Self.count(
            store,
            """
            SELECT COUNT(*) AS n FROM features_player_market f
            WHERE f.game_date = '\(day)' AND f.line_book = 'draftkings' AND NOT EXISTS (
                SELECT 1 FROM raw_prop_lines q
                JOIN registry_name_resolutions r ON r.player_name = q.player_name AND r.game_date = q.game_date
                 AND r.home_team = q.home_team AND r.away_team = q.away_team AND r.status = 'resolved'
                WHERE q.game_date = f.game_date AND r.player_id = f.player_id AND q.market = f.market
                  AND q.book = 'draftkings' AND q.snapshot_utc = f.line_snapshot_utc AND q.line = f.line
                  AND q.over_odds = f.line_over_odds AND q.under_odds = f.line_under_odds)
            """)
        #expect(unmatched == 0)
        try await store.close()
    }
}
