import HoopcastCore
import Testing

/// The case-based hashing of ``Feature``, ``Market``, ``SystemName`` and ``Recommendation`` agrees with their cases: each case's index is its position,
/// equal values are equal, different values differ, and dictionaries keyed by them behave.
struct CaseHashingTests {
    static func check<T: Hashable & CaseIterable & RawRepresentable>(_ type: T.Type, index: (T) -> Int)
    where T.RawValue == String {
        let cases = Array(T.allCases)
        #expect(cases.map(index) == Array(0..<cases.count))
        for (i, a) in cases.enumerated() {
            for (j, b) in cases.enumerated() { #expect((a == b) == (i == j)) }
        }
        var byCase: [T: String] = [:]
        for value in cases { byCase[value] = value.rawValue }
        #expect(byCase.count == cases.count)
        #expect(cases.allSatisfy { byCase[T(rawValue: $0.rawValue)!] == $0.rawValue })
    }

    @Test func featuresHashByCase() { Self.check(Feature.self, index: \.caseIndex) }

    @Test func marketsHashByCase() { Self.check(Market.self, index: \.caseIndex) }

    @Test func systemsHashByCase() { Self.check(SystemName.self, index: \.caseIndex) }

    @Test func recommendationsHashByCase() { Self.check(Recommendation.self, index: \.caseIndex) }

    /// Systems still order by their stored names, which the rank table now stands for.
    @Test func systemsOrderByTheirNames() {
        for a in SystemName.allCases {
            for b in SystemName.allCases { #expect((a < b) == (a.rawValue < b.rawValue), "\(a) < \(b)") }
        }
        #expect(SystemName.allCases.sorted().map(\.rawValue) == SystemName.allCases.map(\.rawValue).sorted())
    }
}
