import HoopcastCore

/// How a recommendation ended.
public enum BetOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// OVER/UNDER that came in.
    case win
    /// OVER/UNDER that did not.
    case loss
    /// The stat landed exactly on a whole-number line: stake returned.
    case push
    /// The player did not play: stake returned, no error measured.
    case void
    /// PASS or NO_LINE: not a bet, never a loss.
    case noBet = "no_bet"
}

/// One prediction to grade against what happened.
public struct GradeInput: Sendable, Hashable {
    public var recommendation: Recommendation
    /// Predicted stat.
    public var predictedValue: Double
    /// The line bet against (nil for NO_LINE).
    public var line: Double?
    /// American odds of the over; nil → −110.
    public var overOdds: Double?
    /// American odds of the under; nil → −110.
    public var underOdds: Double?
    /// The actual stat; nil when the player did not play.
    public var actual: Double?

    /// Creates an input.
    public init(
        recommendation: Recommendation, predictedValue: Double, line: Double?, overOdds: Double?,
        underOdds: Double?, actual: Double?
    ) {
        self.recommendation = recommendation
        self.predictedValue = predictedValue
        self.line = line
        self.overOdds = overOdds
        self.underOdds = underOdds
        self.actual = actual
    }
}

/// The graded result.
public struct Grade: Sendable, Hashable {
    /// The actual stat (nil when void).
    public var actual: Double?
    /// |predicted − actual| (nil when void).
    public var absoluteError: Double?
    public var outcome: BetOutcome
    /// Profit in units staked (1 unit per bet): +odds payout on a win, −1 on a loss, 0 on push/void; nil when no bet.
    public var profitUnits: Double?
}

/// Pure grading: accuracy for every prediction, win/loss/push and profit at the posted odds for OVER/UNDER only.
public enum Grader {
    /// The price assumed when a book posted no odds (American): ``AmericanOdds/assumed``.
    public static let defaultOdds = AmericanOdds.assumed

    /// Grades one prediction.
    public static func grade(_ input: GradeInput) -> Grade {
        guard let actual = input.actual else {
            let isBet = input.recommendation == .over || input.recommendation == .under
            return Grade(actual: nil, absoluteError: nil, outcome: isBet ? .void : .noBet, profitUnits: isBet ? 0 : nil)
        }
        let error = abs(input.predictedValue - actual)
        guard let line = input.line, input.recommendation == .over || input.recommendation == .under else {
            return Grade(actual: actual, absoluteError: error, outcome: .noBet, profitUnits: nil)
        }
        if actual == line { return Grade(actual: actual, absoluteError: error, outcome: .push, profitUnits: 0) }
        let wentOver = actual > line
        let won = (input.recommendation == .over) == wentOver
        let odds = (input.recommendation == .over ? input.overOdds : input.underOdds) ?? defaultOdds
        return Grade(
            actual: actual, absoluteError: error, outcome: won ? .win : .loss,
            profitUnits: won ? payout(americanOdds: odds) : -1)
    }

    /// Profit per unit staked on a winning bet at American odds (+150 → 1.5, −110 → 0.909…).
    public static func payout(americanOdds odds: Double) -> Double { AmericanOdds.payout(odds) }

    /// The win probability at which a bet at these odds breaks even (−110 → 0.5238…).
    public static func breakEvenProbability(americanOdds odds: Double) -> Double {
        AmericanOdds.breakEvenProbability(odds)
    }
}
