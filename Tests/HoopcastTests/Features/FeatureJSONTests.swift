import HoopcastCore
import Testing

@testable import HoopcastAnalytics

struct FeatureJSONTests {
    static let values: [Feature: Double] = Dictionary(
        uniqueKeysWithValues: Feature.allCases.enumerated().map {
            ($0.element, $0.offset.isMultiple(of: 3) ? Double($0.offset) : Double($0.offset) / 7 - 2)
        })

    @Test func storedJSONRoundTrips() throws {
        let row = FeatureRow(
            gameID: "g", playerID: 1, team: Team("PHI")!, market: .points, values: Self.values,
            defaulted: [], skipReason: nil)
        #expect(try FeatureRow.values(fromJSON: row.json) == Self.values)
    }

    /// Any other valid spelling (reordered keys, spaces, exponents) goes through the full JSON parser.
    @Test func otherSpellingsParseTheSame() throws {
        let reordered =
            "{ "
            + Feature.allCases.reversed().map { "\"\($0.rawValue)\" : \(Self.values[$0]!)" }
            .joined(separator: " , ") + " }"
        #expect(try FeatureRow.values(fromJSON: reordered) == Self.values)
        let missing = "{\"stat_last5_mean\":1}"
        #expect(throws: (any Error).self) { try FeatureRow.values(fromJSON: missing) }
    }
}
