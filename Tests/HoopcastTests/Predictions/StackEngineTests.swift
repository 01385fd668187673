import HoopcastAnalytics
import HoopcastCore
import HoopcastModels
import Testing

@testable import HoopcastPredictions

/// The engine's stack rows with a fitted correction (the fixture's few lined dates never give one): the line plus
/// the fit's correction of the members' predictions where the row has a line, the ensemble's prediction where not.
@Suite struct StackEngineTests {
    @Test func aFittedStackCorrectsTheLineAndFallsBackToTheEnsembleWithout() throws {
        let date = GameDate("2024-01-15")!
        let features: FeatureValues = [
            .statLast5Mean: 24, .statLast10Mean: 22, .statSeasonMean: 21, .statLast10Std: 5, .gamesPlayedSeason: 30,
            .minutesLast5Mean: 34, .minutesSeasonMean: 33, .statPerMinuteLast10: 0.7, .statPerMinuteSeason: 0.65,
            .opponentAllowedVsLeague: 1, .teamPace: 100, .opponentPace: 100,
        ]
        let rows = [
            GatedFeatureRow(gameID: "g1", playerID: 1, market: .pointsReboundsAssists, features: features),
            GatedFeatureRow(gameID: "g1", playerID: 2, market: .pointsReboundsAssists, features: features),
        ]
        let fit = StackSystem.Fit(
            intercept: 0.5, weights: [.matchup: 0.2, .movingAverage: 0.1, .similarity: 0, .catboost: 0],
            residualSD: 7, samples: 400)
        let line = ChosenLine(
            line: 20.5, book: "consensus", overOdds: -110, underOdds: -110, movement: 0, books: 3,
            snapshotUTC: "2024-01-15T20:00:00Z")
        let context = PredictionContext(
            date: date, rows: rows,
            lines: [PlayerMarketKey(playerID: 1, market: .pointsReboundsAssists): line], history: [:],
            calibration: CalibrationBook(samples: []), tracks: [:], stack: [.pointsReboundsAssists: fit])
        let records = PredictionEngine(members: SystemMember.ruleBased, policy: RecommendationPolicy()).predict(context)
        func record(_ player: Int, _ system: SystemName) throws -> PredictionRecord {
            try #require(records.first { $0.playerID == player && $0.system == system })
        }
        let matchup = try record(1, .matchup).predictedValue
        let average = try record(1, .movingAverage).predictedValue
        let lined = try record(1, .stack)
        #expect(lined.predictedValue == 20.5 + 0.5 + 0.2 * (matchup - 20.5) + 0.1 * (average - 20.5))
        #expect(lined.standardDeviation == 7 && lined.model == PredictionEngine.stackModel)
        #expect(lined.line?.line == 20.5 && lined.rawOverProbability != nil)
        let unlined = try record(2, .stack), ensemble = try record(2, .ensemble)
        #expect(unlined.predictedValue == ensemble.predictedValue && unlined.model == "stack@v1(ensemble)")
        #expect(unlined.recommendation == .noLine)
        // Five records a row: the three rule-based members (no CatBoost here), the ensemble and the stack.
        #expect(records.filter { $0.playerID == 1 }.count == 5)
    }

    /// `catboost_residual` is recorded on the lined row only and changes neither the ensemble nor the stack.
    @Test func theResidualSystemStaysOutOfTheEnsembleAndTheStack() throws {
        let date = GameDate("2024-01-15")!
        let parity = try CatBoostSystemTests.parityRows()[0]
        let rows = [1, 2].map {
            GatedFeatureRow(gameID: "g1", playerID: $0, market: .points, features: parity.features)
        }
        let line = ChosenLine(
            line: 12.5, book: "consensus", overOdds: -110, underOdds: -110, movement: 0, books: 3,
            snapshotUTC: "2024-01-15T20:00:00Z")
        let context = PredictionContext(
            date: date, rows: rows, lines: [PlayerMarketKey(playerID: 1, market: .points): line], history: [:],
            calibration: CalibrationBook(samples: []), tracks: [:])
        let registry = try CatBoostResidualTests.registry()
        let catboost = SystemMember(CatBoostSystem(models: try registry.models(on: date)))
        let residual = SystemMember(
            CatBoostSystem(models: try registry.models(on: date, target: .residual), target: .residual))
        let without = PredictionEngine(members: SystemMember.ruleBased + [catboost], policy: RecommendationPolicy())
            .predict(context)
        let with = PredictionEngine(
            members: SystemMember.ruleBased + [catboost, residual], policy: RecommendationPolicy()
        ).predict(context)
        #expect(with.filter { $0.system != .catboostResidual } == without)
        let residuals = with.filter { $0.system == .catboostResidual }
        #expect(residuals.map(\.playerID) == [1])
        #expect(abs(residuals[0].predictedValue - (12.5 + parity.expected)) < 1e-6)
        #expect(residuals[0].model == "residual/points@2024-01-15")
        // In the order the store reads them back (game, player, market, system), so the hand-over needs no sort.
        #expect(
            with.map(\.system.rawValue).prefix(7) == [
                "catboost", "catboost_residual", "ensemble", "matchup", "moving_average", "similarity", "stack",
            ])
        #expect(with == with.sorted(by: PredictionReader.inReadOrder))
    }
}
