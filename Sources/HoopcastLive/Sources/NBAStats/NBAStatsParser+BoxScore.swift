import HoopcastCore

extension NBAStatsParser {
    static let boxScorePlayerColumns = [
        "GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "PLAYER_ID", "PLAYER_NAME", "COMMENT", "MIN", "FGM", "FGA", "FG3M",
        "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TO", "PF", "PTS", "PLUS_MINUS",
    ]
    static let boxScoreTeamColumns = ["GAME_ID", "TEAM_ID", "TEAM_ABBREVIATION", "PTS"]
    /// Box-score counting columns → `player_boxscores` columns.
    static let boxScoreCounts: [(column: String, field: String)] = [
        ("FGM", "fgm"), ("FGA", "fga"), ("FG3M", "fg3m"), ("FG3A", "fg3a"), ("FTM", "ftm"), ("FTA", "fta"),
        ("OREB", "oreb"), ("DREB", "dreb"), ("REB", "reb"), ("AST", "ast"), ("STL", "stl"), ("BLK", "blk"),
        ("TO", "tov"), ("PF", "pf"), ("PTS", "pts"),
    ]

    /// `boxscoretraditionalv2?GameID=…`: one `player_boxscores` row per player who played in the game.
    ///
    /// - `PlayerStats` rows with `MIN` null did not play; they must say why in `COMMENT` (`DNP - Coach's Decision`,
    ///   `DND - Injury/Illness`, …) and become no row, as in the league game log. Minutes read `MM:SS`.
    /// - `TeamStats` must hold the game's two teams: each player's opponent is the other one, and each team's
    ///   players must add up to its points (a payload cut short is schema drift, not a smaller box score).
    /// - The payload does not say which team was at home: `is_home` is left empty and filled from `raw_games` when
    ///   the rows are written (``RowSink``); season and season type come from the game id, the date from `date`
    ///   (the partition the game was requested for; `raw_games` has the last word when written).
    public static func boxScoreTraditional(_ root: JSONCursor, date: GameDate) throws(PayloadError) -> ParsedRows {
        let players = try ResultSetTable.named("PlayerStats", in: root, required: boxScorePlayerColumns)
        let teams = try ResultSetTable.named("TeamStats", in: root, required: boxScoreTeamColumns)
        guard teams.rows.count == 2 else {
            throw try teams.cursor["rowSet"].drift(
                "a game's box score has two TeamStats rows, found \(teams.rows.count)")
        }
        var teamByID: [String: (code: String, points: Int)] = [:]
        var gameIDs: Set<String> = []
        for row in teams.rows {
            gameIDs.insert(try teams.text(row, "GAME_ID"))
            teamByID[try teams.text(row, "TEAM_ID")] = (
                try teams.text(row, "TEAM_ABBREVIATION"),
                try teams.cell(row, "PTS").int()
            )
        }
        guard teamByID.count == 2, gameIDs.count == 1, let gameID = gameIDs.first else {
            throw try teams.cursor["rowSet"].drift("TeamStats must list two teams of one game")
        }
        if let parameters = try root.optional("parameters"), let requested = try parameters.optional("GameID"),
            requested.cellText() != gameID
        {
            throw requested.drift("the request echoes GameID \(requested.cellText()); the rows are of game \(gameID)")
        }
        guard let type = seasonType(gameID: gameID) else { return ParsedRows() }
        let season = try season(gameID: gameID, at: teams.cell(teams.rows[0], "GAME_ID"))
        var parsed = ParsedRows()
        var scored: [String: Int] = [:]
        for row in players.rows {
            guard try players.text(row, "GAME_ID") == gameID else {
                throw try players.cell(row, "GAME_ID").drift("a player row of another game than \(gameID)")
            }
            let teamID = try players.text(row, "TEAM_ID")
            guard let team = teamByID[teamID],
                let opponent = teamByID.first(where: { $0.key != teamID })?.value
            else {
                throw try players.cell(row, "TEAM_ID").drift("team \(teamID) is not one of the game's TeamStats teams")
            }
            let minutesCell = try players.cell(row, "MIN")
            if minutesCell.value == .null {
                let comment = try players.text(row, "COMMENT").trimmingSpaces()
                guard !comment.isEmpty else {
                    throw minutesCell.drift("a player without minutes must say why in COMMENT (DNP, DND, NWT)")
                }
                continue  // did not play: no box-score line, as in the league game log
            }
            var fields: [String: String] = [
                "game_id": gameID, "game_date": date.description, "season": season, "season_type": type.rawValue,
                "player_id": try players.text(row, "PLAYER_ID"), "player_name": try players.text(row, "PLAYER_NAME"),
                "team": team.code, "opponent": opponent.code, "is_home": "", "minutes": try minutes(minutesCell),
                "plus_minus": try players.text(row, "PLUS_MINUS"),
            ]
            for (column, field) in boxScoreCounts {
                let cell = try players.cell(row, column)
                guard cell.value != .null else { throw cell.drift("a player with minutes has every counting stat") }
                fields[field] = cell.cellText()
            }
            scored[teamID, default: 0] += try players.cell(row, "PTS").int()
            parsed.append(fields, to: .playerBoxscores)
        }
        for (teamID, team) in teamByID.sorted(by: { $0.key < $1.key }) where scored[teamID, default: 0] != team.points {
            throw try players.cursor["rowSet"].drift(
                "the \(team.code) players score \(scored[teamID, default: 0]) points; TeamStats says \(team.points)")
        }
        return parsed
    }

    /// `0022400561` (`00`, type digit, the season's start year in two digits, game number) → `2024-25`.
    static func season(gameID: String, at cursor: JSONCursor) throws(PayloadError) -> String {
        let digits = Array(gameID)
        guard digits.count == 10, let year = Int(String(digits[3...4])) else {
            throw cursor.drift("an NBA game id has 10 digits, found '\(gameID)'")
        }
        return Season(startYear: year >= 46 ? 1900 + year : 2000 + year).description  // the NBA began in 1946
    }
}
