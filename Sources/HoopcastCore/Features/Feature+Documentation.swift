extension Feature {
    struct Doc: Sendable {
        let definition: String
        let window: String
        let fallback: String
    }

    static let recent = "the player's last games before the date (this season and last)"
    static let season = "this season's games before the date (last season's when none yet)"

    static let documentation: [Feature: Doc] = [
        .statLast5Mean: Doc(
            definition: "mean of the stat", window: "last 5 games; \(recent)", fallback: "0 when no game"),
        .statLast10Mean: Doc(
            definition: "mean of the stat", window: "last 10 games; \(recent)", fallback: "0 when no game"),
        .statSeasonMean: Doc(definition: "mean of the stat", window: season, fallback: "0 when no game"),
        .statLast10Std: Doc(
            definition: "sample standard deviation of the stat", window: "last 10 games",
            fallback: "0 with fewer than 2 games"),
        .statTrend: Doc(
            definition: "least-squares slope of the stat per game, oldest to newest", window: "last 10 games",
            fallback: "0 with fewer than 3 games"),
        .statLastGame: Doc(
            definition: "the stat in the player's most recent game", window: "last game",
            fallback: "0 when no game"),
        .minutesLast5Mean: Doc(definition: "mean minutes played", window: "last 5 games", fallback: "0 when no game"),
        .minutesSeasonMean: Doc(definition: "mean minutes played", window: season, fallback: "0 when no game"),
        .minutesTrend: Doc(
            definition: "minutes_last5_mean − minutes_season_mean", window: "last 5 vs season",
            fallback: "0 when either is missing"),
        .statPerMinuteLast10: Doc(
            definition: "Σ stat / Σ minutes", window: "last 10 games",
            fallback: "0 when no minutes"),
        .statPerMinuteSeason: Doc(definition: "Σ stat / Σ minutes", window: season, fallback: "0 when no minutes"),
        .statPerMinuteChange: Doc(
            definition: "stat_per_minute_last10 − stat_per_minute_season",
            window: "last 10 vs season", fallback: "0 when either is missing"),
        .gamesPlayedSeason: Doc(
            definition: "games the player played this season before the date", window: "this season",
            fallback: "never defaulted (0 is a real count)"),
        .restDays: Doc(
            definition: "full days off since the team's previous game (0 = back-to-back)",
            window: "the team's schedule this season", fallback: "3 for the team's first game"),
        .backToBack: Doc(
            definition: "1 when the team also played the day before", window: "previous day",
            fallback: "never defaulted"),
        .gamesLast7Days: Doc(
            definition: "team games in the 7 days before the date", window: "7 days",
            fallback: "never defaulted"),
        .opponentRestDays: Doc(
            definition: "the opponent's rest days", window: "the opponent's schedule",
            fallback: "3 for the opponent's first game"),
        .minutesLast7Days: Doc(
            definition: "fatigue: minutes the player played in the 7 days before the date",
            window: "7 days", fallback: "0 when the player has no history"),
        .isHome: Doc(definition: "1 at home, 0 away", window: "the date's schedule", fallback: "never defaulted"),
        .opponentDefensiveRating: Doc(
            definition: "opponent's mean points allowed per 100 possessions",
            window: "opponent's last 10 games this season",
            fallback: "league mean this season (110 when none)"),
        .opponentPace: Doc(
            definition: "opponent's mean possessions per 48 minutes",
            window: "opponent's last 10 games this season",
            fallback: "league mean this season (99 when none)"),
        .opponentAllowedVsLeague: Doc(
            definition: "opponent's mean of the stat allowed per game ÷ league mean per team-game",
            window: "opponent's last 10 games; league: this season",
            fallback: "1 when either is missing"),
        .teamPace: Doc(
            definition: "team's mean possessions per 48 minutes", window: "team's last 10 games this season",
            fallback: "league mean (99 when none)"),
        .teamOffensiveRating: Doc(
            definition: "team's mean points per 100 possessions",
            window: "team's last 10 games this season", fallback: "league mean (110 when none)"),
        .versusOpponentMean: Doc(
            definition: "mean of the stat against this opponent",
            window: "games vs the opponent this season and last", fallback: "stat_season_mean"),
        .versusOpponentGames: Doc(
            definition: "games against this opponent", window: "this season and last",
            fallback: "never defaulted"),
        .threeAttemptRateSeason: Doc(definition: "Σ 3PA / Σ FGA", window: season, fallback: "0 without attempts"),
        .freeThrowRateSeason: Doc(definition: "Σ FTA / Σ FGA", window: season, fallback: "0 without attempts"),
        .shotsShareLast10: Doc(
            definition: "mean share of the team's field-goal attempts", window: "last 10 games",
            fallback: "0 when no game"),
        .pointsShareLast10: Doc(
            definition: "mean share of the team's points", window: "last 10 games",
            fallback: "0 when no game"),
        .spread: Doc(
            definition: "game spread from the team's side (negative = favoured)",
            window: "the date's pre-game line", fallback: "0 without a game line"),
        .total: Doc(
            definition: "game total (over/under)", window: "the date's pre-game line",
            fallback: "league mean total points per game this season (225 when none)"),
        .impliedTeamTotal: Doc(
            definition: "(total − spread) / 2", window: "the date's pre-game line",
            fallback: "total / 2 from the defaults"),
        .line: Doc(
            definition: "consensus prop line: median across books at the latest snapshot",
            window: "the date's pre-game prop lines", fallback: "stat_last10_mean without a line"),
        .lineMovement: Doc(
            definition: "latest consensus − earliest consensus", window: "the date's snapshots",
            fallback: "0 without a line"),
        .hasLine: Doc(
            definition: "1 when a prop line exists", window: "the date's prop lines",
            fallback: "never defaulted"),
        .lineMinusLast10: Doc(
            definition: "line − stat_last10_mean", window: "line vs last 10 games",
            fallback: "0 without a line"),
        .booksQuoting: Doc(
            definition: "books quoting the line at the latest snapshot", window: "the date's prop lines",
            fallback: "0 without a line"),
        .isPlayoffs: Doc(
            definition: "1 for play-in and playoff games", window: "the date's schedule",
            fallback: "never defaulted"),
        .playProbability: Doc(
            definition:
                "P(plays) for his status on his team's submitted injury report (not listed: by whether his last-5 "
                + "minutes reach 10), as estimated on the development seasons (above)",
            window: "the latest report published at least 30 minutes before tip-off",
            fallback: "1 when his team had no submitted report by then"),
        .missedLastGame: Doc(
            definition: "1 when he played one of the team's last 5 games but not its latest one",
            window: "the team's games this season", fallback: "never defaulted (0 before the team's first game)"),
        .vacatedMinutes: Doc(
            definition:
                "Σ over rostered teammates of P(absent) × their last-5 mean minutes; P(absent) = 1 − play_probability "
                + "for a teammate the submitted report lists (0 when it does not), else 1 for a teammate who missed "
                + "the team's latest game",
            window: "the report at the prediction time, or the team's latest game",
            fallback: "never defaulted (0 when nobody is missing)"),
        .vacatedShotsShare: Doc(
            definition: "the same sum over teammates' last-10 mean share of the team's field-goal attempts",
            window: "as vacated_minutes", fallback: "never defaulted"),
        .starterProxy: Doc(
            definition:
                "1 when his last-5 mean minutes are among the 5 highest of the teammates expected to play "
                + "(P(absent) < 0.5)",
            window: "last 5 games", fallback: "never defaulted"),
        .expectedMinutes: Doc(
            definition:
                "minutes if he plays: (0.6 × last-5 + 0.4 × season mean minutes) × (1 + c + k × vacated_minutes ÷ "
                + "minutes present), within 0…48; c and k fitted on the development seasons",
            window: "last 5 games, season, the report at the prediction time",
            fallback: "minutes_last5_mean without minutes history"),
        .lineBooksRange: Doc(
            definition: "highest − lowest line of the books quoting at the latest snapshot",
            window: "the date's prop lines", fallback: "0 without a line"),
        .marketOverProbability: Doc(
            definition: "the market's vig-free P(over) from the chosen line's prices: o ÷ (o + u), o and u their "
                + "implied probabilities",
            window: "the date's prop lines", fallback: "0.5 without a line or without both prices"),
    ]
}
