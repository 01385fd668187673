/// The parts of the daily schedule, each fetching what is useful at that time of day.
public enum IngestPhase: String, Sendable, Hashable, CaseIterable, Codable {
    /// Morning: schedule, injuries, standings, players, events, game lines and props (The Odds API, BettingPros).
    case morning
    /// Before tip-off (repeatable): game lines and props (The Odds API, BettingPros) again; every snapshot is kept.
    case pretip
    /// Overnight: final scores, box scores (the league game log and each final game's box score), play-by-play.
    case overnight
    /// Everything.
    case all

    /// Whether `endpoint` (a `source.endpoint` key) is fetched in this phase.
    public func includes(_ endpoint: String) -> Bool {
        switch self {
        case .all: return true
        case .morning:
            return [
                "nba_cdn.schedule", "nba_stats.scoreboard", "nba_stats.player_index", "bdl.games", "bdl.injuries",
                "bdl.standings", "bdl.players", "odds_api.events", "odds_api.game_lines", "odds_api.player_props",
                "espn.scoreboard", "espn.roster", "bettingpros.events", "bettingpros.player_props",
            ].contains(endpoint)
        case .pretip:
            return [
                "nba_cdn.schedule", "odds_api.events", "odds_api.game_lines", "odds_api.player_props",
                "bdl.injuries", "bettingpros.player_props",
            ].contains(endpoint)
        case .overnight:
            return [
                "nba_cdn.schedule", "nba_stats.scoreboard", "nba_stats.team_game_log", "nba_stats.player_game_log",
                "nba_stats.boxscore_traditional", "nba_cdn.play_by_play", "bdl.games", "bdl.box_scores",
                "espn.scoreboard",
            ].contains(endpoint)
        }
    }
}
