import HoopcastCore
import Testing

/// `FeatureValues` behaves as the `[Feature: Double]` it replaced: absent is nil, assigning nil removes, equality and
/// hashing see only the present values, and iteration visits the present features in catalogue order.
struct FeatureValuesTests {
    @Test func absentIsNilAndAssigningNilRemoves() {
        var values = FeatureValues()
        #expect(values.isEmpty && values.count == 0 && values[.restDays] == nil)
        values[.restDays] = 2
        values[.isHome] = 0
        #expect(values[.restDays] == 2 && values[.isHome] == 0 && values.count == 2)
        values[.restDays] = nil
        #expect(values[.restDays] == nil && values.count == 1 && values.map(\.key) == [.isHome])
    }

    @Test func equalityAndHashingSeeOnlyThePresentValues() {
        var removed: FeatureValues = [.restDays: 3, .spread: -4.5]
        removed[.spread] = nil
        let fresh: FeatureValues = [.restDays: 3]
        #expect(removed == fresh && removed.hashValue == fresh.hashValue)
        // A present zero is not an absent value.
        #expect(FeatureValues([.spread: 0]) != FeatureValues())
        // As in the dictionary: −0.0 equals 0.0.
        #expect(FeatureValues([.spread: -0.0]) == FeatureValues([.spread: 0]))
    }

    @Test func iterationIsInCatalogueOrderWhateverTheOrderOfWriting() {
        var values = FeatureValues()
        for feature in Feature.allCases.reversed() where feature.caseIndex.isMultiple(of: 3) {
            values[feature] = Double(feature.caseIndex)
        }
        let expected = Feature.allCases.filter { $0.caseIndex.isMultiple(of: 3) }
        #expect(values.map(\.key) == expected)
        #expect(values.map(\.value) == expected.map { Double($0.caseIndex) })
        #expect(values.dictionary == Dictionary(uniqueKeysWithValues: expected.map { ($0, Double($0.caseIndex)) }))
    }

    @Test func aDictionaryRoundTripsAndMergingLetsTheOtherWin() {
        let dictionary: [Feature: Double] = [.opponentPace: 99.5, .statTrend: -0.25, .marketOverProbability: 0.52]
        let values = FeatureValues(dictionary)
        #expect(values.dictionary == dictionary && values.count == 3)
        let merged = values.merging([.opponentPace: 101, .isHome: 1])
        #expect(merged == [.opponentPace: 101, .statTrend: -0.25, .marketOverProbability: 0.52, .isHome: 1])
    }

    @Test func everyFeatureFits() {
        var values = FeatureValues()
        for feature in Feature.allCases { values[feature] = Double(feature.caseIndex) + 0.5 }
        #expect(values.count == Feature.allCases.count)
        #expect(Feature.allCases.allSatisfy { values[$0] == Double($0.caseIndex) + 0.5 })
    }
}
