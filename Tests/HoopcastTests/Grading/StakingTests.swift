import HoopcastCore
import HoopcastGrading
import Testing

/// Fractional Kelly with uncertainty shrinkage and caps. Expected values from a plain-Python re-implementation of
/// the documented formulas (Python 3.12, printed with `repr`), and by hand where noted.
struct StakingTests {
    let plan = Staking.standard

    @Test func stakeShareIsShrunkQuarterKellyWithinTheCap() {
        // p = 0.54 at +100: Kelly 0.08, edge 0.04, σ² = 0.2484/400, shrink 0.0016/0.002221 → 0.25 · 0.7204 · 0.08.
        #expect(abs(plan.stakeShare(probability: 0.54, americanOdds: 100) - 0.014407924358397139) < 1e-15)
        // p = 0.6 at −110: 0.25 · 0.906 · 0.16 = 0.036, capped at 2%.
        #expect(plan.stakeShare(probability: 0.6, americanOdds: -110) == 0.02)
        // No edge at the price: nothing staked (0.5 at −110 is below the 0.524 break-even).
        #expect(plan.stakeShare(probability: 0.5, americanOdds: -110) == 0)
        // More evidence, less shrinkage: a larger stake for the same probability and price.
        let sure = Staking(fraction: 0.25, evidence: 1e9, betCap: 1, slateCap: 1, startingBankroll: 100)
        #expect(abs(sure.stakeShare(probability: 0.54, americanOdds: 100) - 0.25 * 0.08) < 1e-8)  // shrink = 1 − 1.6e-7
        #expect(Staking.decimalOdds(150) == 2.5 && Staking.decimalOdds(-200) == 1.5)
    }

    @Test func theBankrollPathScalesASlateToItsCapAndCompounds() throws {
        let first = GameDate("2024-01-02")!, second = GameDate("2024-01-03")!
        // Date 1: six bets at 2% each = 12% > 10%, so each stakes 100 · 2% · 10/12; four win at −110, two lose.
        let slate = (0..<6).map { index in
            Staking.Bet(date: first, probability: 0.6, americanOdds: -110, profitPerUnit: index < 4 ? 100.0 / 110 : -1)
        }
        // Date 2: one losing bet at +100 staking 1.44% of the new bankroll; listed first to show dates are sorted.
        let late = Staking.Bet(date: second, probability: 0.54, americanOdds: 100, profitPerUnit: -1)
        let noEdge = Staking.Bet(date: second, probability: 0.5, americanOdds: -110, profitPerUnit: 100.0 / 110)
        let bankroll = plan.path([late, noEdge] + slate)
        #expect(bankroll.path.map(\.date) == ["2024-01-02", "2024-01-03"])
        #expect(bankroll.path.map(\.bets) == [6, 1] && bankroll.bets == 7)  // the bet without an edge gets no stake
        #expect(abs(bankroll.path[0].staked - 10) < 1e-12)
        #expect(abs(bankroll.path[0].bankroll - 102.72727272727272) < 1e-12)
        #expect(abs(bankroll.end - 101.24718595227374) < 1e-12)
        #expect(abs(bankroll.maxDrawdown - 0.014407924358397156) < 1e-12)
        #expect(abs(bankroll.roi! - 0.10863907013227694) < 1e-12)
        #expect(plan.path([]).end == 100 && plan.path([]).roi == nil)
    }

    @Test func aGradedRowBetsItsSideAtItsPrice() throws {
        let row = EvaluatedPrediction(
            system: .matchup, market: .points, recommendation: .under, predictedValue: 18, actual: 22, line: 20.5,
            overOdds: -120, underOdds: 100, rawOverProbability: 0.35, overProbability: 0.35, edge: 0.15,
            profitUnits: -1, gameDate: GameDate("2024-01-02")!)
        let bet = try #require(Staking.bet(row))
        #expect(bet.probability == 0.65 && bet.americanOdds == 100 && bet.profitPerUnit == -1)
        var pass = row
        pass.recommendation = .pass
        #expect(Staking.bet(pass) == nil)
    }
}
