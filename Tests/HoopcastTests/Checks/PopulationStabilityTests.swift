import Foundation
import HoopcastChecks
import Testing

/// The population stability index, by hand.
struct PopulationStabilityTests {
    /// Reference 1…10 cuts at its deciles 2, 3, …, 10 (ten bins of one value); the current sample 1…5, twice each,
    /// fills the first five bins with 0.2 and leaves five empty (floored at 1e-4):
    /// 5 · (0.2 − 0.1) · ln 2 + 5 · (1e-4 − 0.1) · ln(1e-4 / 0.1).
    @Test func aSampleConcentratedInHalfTheBins() throws {
        let reference = (1...10).map(Double.init), current = (1...5).flatMap { [Double($0), Double($0)] }
        let expected = 5 * 0.1 * log(2.0) + 5 * (1e-4 - 0.1) * log(1e-4 / 0.1)
        let psi = try #require(PopulationStability.index(current: current, reference: reference))
        #expect(abs(psi - expected) < 1e-12)
        #expect(PopulationStability.index(current: reference, reference: reference) == 0)
        #expect(PopulationStability.index(current: [], reference: reference) == nil)
    }
}
