import HoopcastCore
import HoopcastGrading
import Testing

struct GraderTests {
    private func grade(
        _ recommendation: Recommendation, line: Double?, actual: Double?, over: Double? = nil,
        under: Double? = nil
    ) -> Grade {
        Grader.grade(
            GradeInput(
                recommendation: recommendation, predictedValue: 25, line: line, overOdds: over,
                underOdds: under, actual: actual))
    }

    @Test func overWinsAtPlusOddsAndLosesAStake() {
        let win = grade(.over, line: 24.5, actual: 30, over: 150)
        #expect(win.outcome == .win)
        #expect(win.profitUnits == 1.5)
        #expect(win.absoluteError == 5)
        let loss = grade(.over, line: 24.5, actual: 20, over: 150)
        #expect(loss.outcome == .loss)
        #expect(loss.profitUnits == -1)
    }

    @Test func underAtMissingOddsUsesMinus110() {
        let win = grade(.under, line: 24.5, actual: 20)
        #expect(win.outcome == .win)
        #expect(abs(win.profitUnits! - 100.0 / 110.0) < 1e-12)
        #expect(abs(Grader.breakEvenProbability(americanOdds: -110) - 110.0 / 210.0) < 1e-12)
    }

    @Test func wholeNumberLineCanPush() {
        let push = grade(.over, line: 25, actual: 25, over: -120)
        #expect(push.outcome == .push)
        #expect(push.profitUnits == 0)
    }

    @Test func didNotPlayIsVoidAndPassIsNeverALoss() {
        #expect(grade(.over, line: 24.5, actual: nil).outcome == .void)
        #expect(grade(.over, line: 24.5, actual: nil).absoluteError == nil)
        let pass = grade(.pass, line: 24.5, actual: 10)
        #expect(pass.outcome == .noBet)
        #expect(pass.profitUnits == nil)
        #expect(pass.absoluteError == 15)  // accuracy still measured
        #expect(grade(.noLine, line: nil, actual: 30).outcome == .noBet)
    }
}
