import HoopcastCore

/// Stakes beside the 1-unit grading: fractional Kelly per bet, shrunk by the uncertainty of the bet's probability,
/// capped per bet and per slate (a date), and the bankroll they make.
///
/// For a bet on a side with calibrated probability p at decimal odds d (a missing price is −110, as in grading):
/// - Kelly fraction f* = p − (1 − p) / (d − 1) (0 when negative);
/// - shrinkage k = e² / (e² + σ²), with e = p − 1/d the edge over the break-even probability and σ² = p(1 − p) / n
///   the variance of a probability estimated from n = ``evidence`` outcomes (after Baker and McHale, "Optimal
///   betting under parameter uncertainty", 2013: the less certain the edge, the smaller the stake);
/// - stake = ``fraction`` · k · f* of the bankroll at the start of the date, at most ``betCap``;
/// - when a date's stakes add up to more than ``slateCap`` of the bankroll, all are scaled down to it.
/// The constants are set in advance (quarter Kelly, the order of the calibration's evidence, 2% and 10%), not chosen
/// on any window's results.
public struct Staking: Sendable, Hashable {
    /// The constants `evaluate` uses.
    public static let standard = Staking(
        fraction: 0.25, evidence: 400, betCap: 0.02, slateCap: 0.10, startingBankroll: 100)

    /// The share of the (shrunk) Kelly stake bet.
    public var fraction: Double
    /// Outcomes the probability is taken to be estimated from (for its variance).
    public var evidence: Double
    /// Largest stake of one bet, as a share of the bankroll.
    public var betCap: Double
    /// Largest sum of a date's stakes, as a share of the bankroll.
    public var slateCap: Double
    /// The bankroll at the start (units).
    public var startingBankroll: Double

    /// Creates a staking plan.
    public init(fraction: Double, evidence: Double, betCap: Double, slateCap: Double, startingBankroll: Double) {
        self.fraction = fraction
        self.evidence = evidence
        self.betCap = betCap
        self.slateCap = slateCap
        self.startingBankroll = startingBankroll
    }

    /// Decimal odds of American odds: +150 → 2.5, −110 → 1.909….
    public static func decimalOdds(_ american: Double) -> Double {
        american > 0 ? 1 + american / 100 : 1 + 100 / -american
    }

    /// The stake of one bet as a share of the bankroll, before the slate cap (0 without an edge).
    public func stakeShare(probability p: Double, americanOdds: Double) -> Double {
        let d = Staking.decimalOdds(americanOdds)
        guard d > 1, p > 0, p < 1 else { return 0 }
        let kelly = p - (1 - p) / (d - 1)
        guard kelly > 0 else { return 0 }
        let edge = p - 1 / d, variance = p * (1 - p) / evidence
        let shrink = edge * edge / (edge * edge + variance)
        return min(fraction * shrink * kelly, betCap)
    }

    /// One bet: its date, the probability and price of its side, and its profit per unit staked.
    public struct Bet: Sendable, Hashable {
        public var date: GameDate
        public var probability: Double
        public var americanOdds: Double
        public var profitPerUnit: Double

        /// Creates a bet.
        public init(date: GameDate, probability: Double, americanOdds: Double, profitPerUnit: Double) {
            self.date = date
            self.probability = probability
            self.americanOdds = americanOdds
            self.profitPerUnit = profitPerUnit
        }
    }

    /// The bet a graded row makes: its side's calibrated probability and price; nil unless it is a settled OVER or
    /// UNDER with a date and a calibrated probability.
    public static func bet(_ row: EvaluatedPrediction) -> Bet? {
        guard row.recommendation.isBet, let profit = row.profitUnits, let date = row.gameDate,
            let over = row.overProbability
        else { return nil }
        let isOver = row.recommendation == .over
        return Bet(
            date: date, probability: isOver ? over : 1 - over,
            americanOdds: (isOver ? row.overOdds : row.underOdds) ?? -110, profitPerUnit: profit)
    }

    /// The bankroll through `bets`, date by date (stakes are shares of the bankroll at the start of their date).
    public func path(_ bets: [Bet]) -> EvaluationReport.Bankroll {
        var bankroll = startingBankroll, peak = startingBankroll, drawdown = 0.0, staked = 0.0, count = 0
        var points: [EvaluationReport.BankrollPoint] = []
        for (date, slate) in Dictionary(grouping: bets, by: \.date).sorted(by: { $0.key < $1.key }) {
            let shares = slate.map { stakeShare(probability: $0.probability, americanOdds: $0.americanOdds) }
            let total = shares.reduce(0, +)
            guard total > 0 else { continue }
            let scale = total > slateCap ? slateCap / total : 1
            var dayStaked = 0.0, dayProfit = 0.0, dayBets = 0
            for (bet, share) in zip(slate, shares) where share > 0 {
                let stake = bankroll * share * scale
                dayStaked += stake
                dayProfit += stake * bet.profitPerUnit
                dayBets += 1
            }
            bankroll += dayProfit
            staked += dayStaked
            count += dayBets
            peak = max(peak, bankroll)
            drawdown = max(drawdown, (peak - bankroll) / peak)
            points.append(
                EvaluationReport.BankrollPoint(
                    date: date.description, bets: dayBets, staked: dayStaked, bankroll: bankroll))
        }
        return EvaluationReport.Bankroll(
            start: startingBankroll, bets: count, staked: staked, end: bankroll,
            roi: staked > 0 ? (bankroll - startingBankroll) / staked : nil, maxDrawdown: drawdown, path: points)
    }
}
