/// How one check ended for a date.
public enum CheckStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every row it looked at is as expected.
    case passed
    /// At least one row is not (see the result's count and sample).
    case failed
    /// It had nothing it could judge yet (no rows, not expected yet, too little history): neither pass nor fail.
    case notJudged = "not_judged"
}
