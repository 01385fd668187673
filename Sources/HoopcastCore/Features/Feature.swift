/// The features of feature set ``Feature/version``: one value per (player, game, market).
///
/// Every feature documents its definition, its window and the default used when it cannot be computed from real
/// data (a defaulted feature lowers the row's quality). `docs/features.md` is generated from this list
/// (`FeatureStoreTests` keeps them in step).
public enum Feature: String, Sendable, Hashable, CaseIterable, Codable {
    case statLast5Mean = "stat_last5_mean"
    case statLast10Mean = "stat_last10_mean"
    case statSeasonMean = "stat_season_mean"
    case statLast10Std = "stat_last10_std"
    case statTrend = "stat_trend"
    case statLastGame = "stat_last_game"
    case minutesLast5Mean = "minutes_last5_mean"
    case minutesSeasonMean = "minutes_season_mean"
    case minutesTrend = "minutes_trend"
    case statPerMinuteLast10 = "stat_per_minute_last10"
    case statPerMinuteSeason = "stat_per_minute_season"
    case statPerMinuteChange = "stat_per_minute_change"
    case gamesPlayedSeason = "games_played_season"
    case restDays = "rest_days"
    case backToBack = "back_to_back"
    case gamesLast7Days = "games_last_7_days"
    case opponentRestDays = "opponent_rest_days"
    case minutesLast7Days = "minutes_last_7_days"
    case isHome = "is_home"
    case opponentDefensiveRating = "opponent_defensive_rating_last10"
    case opponentPace = "opponent_pace_last10"
    case opponentAllowedVsLeague = "opponent_allowed_vs_league"
    case teamPace = "team_pace_last10"
    case teamOffensiveRating = "team_offensive_rating_last10"
    case versusOpponentMean = "vs_opponent_mean"
    case versusOpponentGames = "vs_opponent_games"
    case threeAttemptRateSeason = "three_attempt_rate_season"
    case freeThrowRateSeason = "free_throw_rate_season"
    case shotsShareLast10 = "shots_share_last10"
    case pointsShareLast10 = "points_share_last10"
    case spread = "spread"
    case total = "total"
    case impliedTeamTotal = "implied_team_total"
    case line = "line"
    case lineMovement = "line_movement"
    case hasLine = "has_line"
    case lineMinusLast10 = "line_minus_last10"
    case booksQuoting = "books_quoting"
    case isPlayoffs = "is_playoffs"
    case playProbability = "play_probability"
    case missedLastGame = "missed_last_game"
    case vacatedMinutes = "vacated_minutes"
    case vacatedShotsShare = "vacated_shots_share"
    case starterProxy = "starter_proxy"
    case expectedMinutes = "expected_minutes"
    case lineBooksRange = "line_books_range"
    case marketOverProbability = "market_over_probability"

    /// The feature-set version stored with every row; bump it when a definition changes.
    ///
    /// v2 appended the availability features (``playProbability`` … ``expectedMinutes``) and two of the market's
    /// (``lineBooksRange``, ``marketOverProbability``). Cases are only ever
    /// appended: migrations add the columns of each version's new cases, by position.
    public static let version = "v2"

    /// How many features each version's catalogue had, in order (the columns migration 23 created and migration 30
    /// added: a migration never changes with the catalogue).
    public static let countByVersion: [String: Int] = ["v1": 39, "v2": 47]

    /// Features that must come from real data for a prediction to be made (otherwise the row is skipped).
    public static let required: Set<Feature> = [.statLast10Mean, .minutesLast5Mean, .statSeasonMean]

    /// What the feature measures (stat = the market's stat: points, rebounds, assists, threes made, or PRA).
    public var definition: String { Feature.documentation[self]!.definition }
    /// The games or time it looks at.
    public var window: String { Feature.documentation[self]!.window }
    /// The value used when it cannot be computed, and when that happens.
    public var defaultDescription: String { Feature.documentation[self]!.fallback }
}
