import HoopcastIngest

/// The constants of the availability features, estimated once on the development seasons (the 2022-23 regular
/// season and 2023-10-24 → 2023-12-31) by `scripts/estimate-availability.py` and never refitted on later dates.
///
/// `docs/features.md` lists them; `docs/predictions.md` ("Availability") gives the script's output.
public enum AvailabilityWeights {
    /// From this last-5 mean of minutes, a player his team's report does not list counts as a rotation player.
    public static let rotationMinutes = 10.0

    /// P(the player plays | his status on his team's report in force at the prediction time), Laplace-smoothed
    /// `(played + 1) / (n + 2)` over the rostered players of the development window's teams with a submitted report
    /// (n = 5,172 out, 31 doubtful, 309 questionable, 141 probable, 2,150 available, 30,776 unlisted rotation and
    /// 6,962 unlisted bench players).
    public static func playProbability(_ status: InjuryStatus?, minutes5: Double) -> Double {
        switch status {
        case .out: return 0.001
        case .doubtful: return 0.030
        case .questionable: return 0.592
        case .probable: return 0.944
        case .available: return 0.888
        case .notYetSubmitted, nil: return minutes5 >= rotationMinutes ? 0.922 : 0.491
        }
    }

    /// Expected minutes = base · (1 + c + k · vacated ÷ present): the least-squares fit of minutes ÷ base − 1 on
    /// vacated ÷ present minutes over rotation players (last-5 mean ≥ 10) who played and were not listed.
    public struct MinutesFit: Sendable, Hashable {
        /// The intercept c.
        public var intercept: Double
        /// The slope k.
        public var slope: Double
    }

    /// The fit for teams with a submitted report, vacated minutes counted from the listed teammates (n = 28,361).
    public static let reported = MinutesFit(intercept: -0.061, slope: 0.535)
    /// The fit for teams without one, vacated minutes counted from the teammates who missed the latest game: the
    /// same rule applied to every development game, its report ignored (n = 28,493; the 284 rows of teams that
    /// really had no report are too few to fit).
    public static let boxScore = MinutesFit(intercept: -0.014, slope: 0.183)
}
