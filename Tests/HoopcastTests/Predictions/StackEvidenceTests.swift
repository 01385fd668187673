import HoopcastCore
import HoopcastGrading
import HoopcastModels
import HoopcastPredictions
import Testing

/// The stack's evidence as the grading layer reads it: only rows graded before the date, one sample per (game,
/// player, market) with a line, holding exactly the members' graded predictions.
@Suite struct StackEvidenceTests {
    @Test func evidenceIsTheLinedGradedRowsBeforeTheDateGroupedPerRow() async throws {
        let store = try await PredictionStepTests.shared.value.store
        let date = PredictionStepTests.date
        let reader = GradeReader(db: store.sql)
        let graded = try await reader.results(from: date.adding(days: -60), to: date)
        // The date itself has lined graded rows: leaving them out is a real exclusion.
        #expect(graded.contains { $0.gameDate == date && $0.line != nil && $0.grade.actual != nil })
        let evidence = try await reader.stackEvidence(from: date.adding(days: -60), before: date)
        #expect(!evidence.isEmpty && evidence.allSatisfy { $0.date < date })
        let members = Set(StackSystem.members)
        var expected: [String: StackSystem.Sample] = [:]
        for row in graded where row.gameDate < date && members.contains(row.system) {
            guard let line = row.line, let actual = row.grade.actual else { continue }
            let key = "\(row.gameID)/\(row.playerID)/\(row.market)"
            expected[key, default: StackSystem.Sample(line: line, actual: actual, predictions: [:])]
                .predictions[row.system] = row.predictedValue
        }
        #expect(evidence.count == expected.count)
        #expect(Set(evidence.map(\.row.sample)) == Set(expected.values))
        // Each market's fit is nil below the minimum, else built from exactly its rows.
        let fits = StackEvidence.fits(evidence.map(\.row))
        for market in Market.allCases {
            let rows = evidence.filter { $0.row.market == market }.map(\.row.sample)
            #expect(fits[market] == StackSystem.fit(rows), "\(market)")
        }
    }
}
