import Foundation
import HoopcastChecks
import HoopcastCore
import HoopcastGrading
import HoopcastIngest
import HoopcastPredictions
import Testing

/// Every prediction check on the real predictions of 2024-01-15 (seven systems; graded lined history of 2024-01-07, 11 and 14): it
/// passes, and fails — naming the rows — once real rows are altered.
struct PredictionCheckTests {
    private static func inputs(_ edit: (inout PredictionCheckInputs) -> Void = { _ in }) async throws
        -> PredictionCheckInputs
    {
        var inputs = try await CheckFixture.predictionInputs()
        edit(&inputs)
        return inputs
    }

    /// The index of Embiid's lined prediction (his points+rebounds+assists, 50.5 at the consensus) by `system`.
    private static func lined(_ inputs: PredictionCheckInputs, _ system: SystemName = .matchup) -> Int {
        inputs.lined.firstIndex {
            $0.playerID == CheckFixture.embiid && $0.market == .pointsReboundsAssists && $0.system == system
        }!
    }

    /// The index of Embiid's unlined prediction of `market` (no book quoted it) by `system`.
    private static func unlined(_ inputs: PredictionCheckInputs, _ market: Market, _ system: SystemName = .matchup)
        -> Int
    {
        inputs.unlined.firstIndex { $0.playerID == CheckFixture.embiid && $0.market == market && $0.system == system }!
    }

    private static let embiidPRA = "\(CheckFixture.game)/203954/points_rebounds_assists"

    @Test func everyPredictionCheckPassesOnTheRealDate() async throws {
        let inputs = try await Self.inputs()
        #expect(Set(inputs.lined.map(\.system) + inputs.unlined.map(\.system)).count == 7 && !inputs.injuries.isEmpty)
        #expect(!inputs.unlined.contains { $0.system == .catboostResidual })
        #expect(inputs.unlined.count > 5 * inputs.lined.count)
        for result in PredictionChecks.evaluate(inputs) {
            #expect(result.status == .passed, "\(result.line)")
        }
    }

    @Test func aDuplicatedPredictionFailsUniqueness() async throws {
        let result = PredictionUniquenessCheck.evaluate(
            try await Self.inputs { inputs in inputs.lined.append(inputs.lined[Self.lined(inputs)]) })
        #expect(result.blocks)
        #expect(result.sample == [FailingRow(key: "\(Self.embiidPRA)/matchup", values: ["rows": "2"])])
    }

    @Test func aPredictionWithoutItsRowWithAnotherLineOrAMissingSystemFailsReferences() async throws {
        let result = PredictionReferenceCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.featureLines.removeAll { $0.playerID == CheckFixture.embiid && $0.market == .assists }
                inputs.lined[Self.lined(inputs)].line?.line = 49.5
                inputs.unlined.remove(at: Self.unlined(inputs, .rebounds, .similarity))
            })
        #expect(result.blocks)
        try #require(
            result.sample.map(\.key) == [
                "\(CheckFixture.game)/203954/assists/catboost", "\(CheckFixture.game)/203954/assists/ensemble",
                "\(CheckFixture.game)/203954/assists/matchup", "\(CheckFixture.game)/203954/assists/moving_average",
                "\(CheckFixture.game)/203954/assists/similarity", "\(CheckFixture.game)/203954/assists/stack",
                "\(CheckFixture.game)/203954/points_rebounds_assists/matchup",
                "\(CheckFixture.game)/203954/rebounds",
            ])
        #expect(result.sample[0].values == ["found": "no feature row"])
        #expect(result.sample[6].values["prediction_line"]?.hasPrefix("49.5 consensus") == true)
        #expect(result.sample[6].values["feature_line"]?.hasPrefix("50.5 consensus") == true)
        #expect(result.sample[7].values == ["missing_systems": "similarity"])
    }

    /// `catboost_residual` predicts only lined rows (here the committed residual model of 2024-01-01): with its
    /// predictions removed but Embiid's, every other lined row of that market lacks it — and no unlined row, nor any
    /// other market, is required to have it.
    @Test func aSystemThatNeedsALineIsRequiredOnlyOnTheLinedRowsOfItsMarkets() async throws {
        let inputs = try await Self.inputs { inputs in
            inputs.lined.removeAll {
                $0.system == .catboostResidual
                    && ($0.playerID != CheckFixture.embiid || $0.market != .pointsReboundsAssists)
            }
        }
        #expect(inputs.lined.filter { $0.system == .catboostResidual }.count == 1)
        let result = PredictionReferenceCheck.evaluate(inputs)
        let lined = Set(
            inputs.featureLines.filter { $0.gate == .pass && $0.line != nil }.map {
                "\($0.gameID)/\($0.playerID)/\($0.market.rawValue)"
            })
        #expect(lined.count > 1 && lined.allSatisfy { $0.hasSuffix("/points_rebounds_assists") })
        #expect(result.failed == lined.count - 1)
        #expect(result.sample.allSatisfy { $0.values == ["missing_systems": "catboost_residual"] })
        #expect(result.sample.allSatisfy { lined.contains($0.key) && $0.key != Self.embiidPRA })
    }

    @Test func impossibleNumbersFailAcceptedValues() async throws {
        let result = PredictionAcceptedValuesCheck.evaluate(
            try await Self.inputs { inputs in
                inputs.lined[Self.lined(inputs)].overProbability = 1.3
                inputs.unlined[Self.unlined(inputs, .points)].line = 30.5
            })
        #expect(result.blocks)
        #expect(
            result.sample == [
                FailingRow(
                    key: "\(CheckFixture.game)/203954/points/matchup", values: ["line": "30.5 without a raw P(over)"]),
                FailingRow(key: "\(Self.embiidPRA)/matchup", values: ["p_over": "1.3"]),
            ])
    }

    @Test func anImplausiblePredictionIsFlagged() async throws {
        let result = PredictionBoundsCheck.evaluate(
            try await Self.inputs { $0.unlined[Self.unlined($0, .points)].predictedValue = 75 })
        #expect(result.status == .failed && !result.blocks)
        #expect(
            result.sample == [
                FailingRow(
                    key: "\(CheckFixture.game)/203954/points/matchup",
                    values: ["predicted_value": "75.0", "maximum": "60.0"])
            ])
    }

    /// Embiid's PRA recommended OVER, and Embiid listed out on a report of his game (PHI–HOU, tip-off 18:00Z).
    private static func embiidOut(reportedAt reportUTC: String) async throws -> PredictionCheckInputs {
        try await inputs { inputs in
            let index = Self.lined(inputs)
            inputs.lined[index].recommendation = .over
            inputs.lined[index].overProbability = 0.58
            let template = inputs.injuries.first { $0.gameID == CheckFixture.game && $0.team.code == "PHI" }!
            inputs.injuries.append(
                InjuryReportEntry(
                    reportUTC: reportUTC, gameID: CheckFixture.game, gameDate: CheckFixture.date,
                    tipUTC: template.tipUTC, team: template.team, playerName: "Joel Embiid",
                    playerID: CheckFixture.embiid, status: .out, reason: "Injury/Illness - Left Knee; Injury Management"
                ))
        }
    }

    @Test func anOverForAPlayerListedOutAtPredictionTimeFails() async throws {
        // Added to the game's last report before the prediction time (17:30Z): the list in force then.
        let real = try await Self.inputs()
        let latest = try #require(
            real.injuries.filter { $0.gameID == CheckFixture.game && $0.reportUTC <= "2024-01-15T17:30:00Z" }
                .map(\.reportUTC).max())
        #expect(latest == "2024-01-15T17:30:00Z")
        let inputs = try await Self.embiidOut(reportedAt: latest)
        let result = InjuredOutCheck.evaluate(inputs)
        #expect(result.blocks)
        #expect(
            result.sample == [
                FailingRow(
                    key: "\(Self.embiidPRA)/matchup",
                    values: [
                        "recommendation": "OVER", "player": "Joel Embiid", "report": latest,
                        "reason": "Injury/Illness - Left Knee; Injury Management",
                    ])
            ])
        #expect(InjuredOutCheck.evaluateLater(inputs).status == .failed)
    }

    @Test func aPlayerRuledOutAfterThePredictionIsOnlyAWarning() async throws {
        // Published at 17:45Z: after the prediction time (17:30Z), before tip-off (18:00Z).
        let inputs = try await Self.embiidOut(reportedAt: "2024-01-15T17:45:00Z")
        #expect(InjuredOutCheck.evaluate(inputs).status == .passed)
        let later = InjuredOutCheck.evaluateLater(inputs)
        #expect(later.status == .failed && !later.blocks)
        #expect(later.sample.map(\.key) == ["\(Self.embiidPRA)/matchup"])
    }

    @Test func aSystemFarWorseThanTheLineFailsModelHealth() async throws {
        let real = try await Self.inputs()
        let healthy = ModelHealthCheck.evaluate(real)
        #expect(healthy.status == .passed && healthy.checked >= 1)
        var degraded = real
        for index in degraded.linedErrors.indices
        where degraded.linedErrors[index].system == .similarity
            && degraded.linedErrors[index].market == .pointsReboundsAssists
        {
            degraded.linedErrors[index].modelError = degraded.linedErrors[index].lineError * 1.5 + 1
        }
        let result = ModelHealthCheck.evaluate(degraded)
        #expect(result.status == .failed && !result.blocks)
        #expect(result.sample.map(\.key) == ["similarity/points_rebounds_assists"])
        let ratio = try #require(result.sample.first?.values["ratio"].flatMap(Double.init))
        #expect(ratio > ModelHealthCheck.limit)
    }
}
