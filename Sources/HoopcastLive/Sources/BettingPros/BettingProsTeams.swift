import HoopcastCore

/// BettingPros' team codes and the NBA's (``Team``). BettingPros writes three teams its own way: `UTH` (Utah, NBA
/// `UTA`), `NOR` (New Orleans, `NOP`) and `PHO` (Phoenix, `PHX`); the other 27 codes are the NBA's.
///
/// 25 of the 30 codes appear in the captured `/v3/props` responses (`bp_player_props/*`: events and players'
/// teams), including all three that differ; `CHA`, `LAC`, `MIA`, `OKC` and `WAS` do not, and are assumed to be the
/// NBA's. `BettingProsMappingTests` checks that every code in the captures is in the table.
public enum BettingProsTeams {
    /// BettingPros code → NBA code, all 30 teams.
    public static let nbaCodes: [String: String] = [
        "ATL": "ATL", "BKN": "BKN", "BOS": "BOS", "CHA": "CHA", "CHI": "CHI", "CLE": "CLE", "DAL": "DAL",
        "DEN": "DEN", "DET": "DET", "GSW": "GSW", "HOU": "HOU", "IND": "IND", "LAC": "LAC", "LAL": "LAL",
        "MEM": "MEM", "MIA": "MIA", "MIL": "MIL", "MIN": "MIN", "NOR": "NOP", "NYK": "NYK", "OKC": "OKC",
        "ORL": "ORL", "PHI": "PHI", "PHO": "PHX", "POR": "POR", "SAC": "SAC", "SAS": "SAS", "TOR": "TOR",
        "UTH": "UTA", "WAS": "WAS",
    ]

    /// The NBA team of BettingPros' `code`; nil when the table does not know it.
    public static func team(_ code: String) -> Team? { nbaCodes[code].flatMap { Team($0) } }
}
