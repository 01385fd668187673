import HoopcastCore

/// Pure: places a live injury list — which names players, not games — on the games of its date, as report rows
/// the injury cut reads like an official report's.
///
/// A live list (Ball Don't Lie's `/player_injuries`) covers the whole league and is fetched page by page within one
/// ingest run. So:
/// - all rows of one run are one report, published when its last page arrived (the latest `report_utc` of the run:
///   the list is known whole only then);
/// - every game of the date gets a row set from every report: the listed players of its two teams, and for a team the
///   list does not name, a team row without a report (``InjuryStatus/notYetSubmitted``: the list says nothing of
///   it). A later report that names nobody of a game therefore still replaces an earlier one for that game;
/// - a game with rows of an official report keeps them alone (the official report is the source of record);
/// - a game without a known tip-off gets nothing (its prediction time, and so what was known by then, is unknown).
public enum LiveInjuryList {
    /// One stored row of a live list, with the registry's resolution of its name.
    public struct Row: Sendable, Hashable {
        /// When the page holding the row was fetched (`YYYY-MM-DDTHH:MM:SSZ`).
        public var reportUTC: String
        /// The ingest run that fetched it (every page of one fetch shares it).
        public var runID: String
        public var team: Team
        public var playerName: String
        public var playerID: Int?
        public var status: InjuryStatus
        public var reason: String

        /// Creates a row.
        public init(
            reportUTC: String, runID: String, team: Team, playerName: String, playerID: Int?, status: InjuryStatus,
            reason: String
        ) {
            self.reportUTC = reportUTC
            self.runID = runID
            self.team = team
            self.playerName = playerName
            self.playerID = playerID
            self.status = status
            self.reason = reason
        }
    }

    /// The reason printed on the team row of a team the list does not name.
    public static let unnamedTeamReason = "not on the live list"

    /// The report rows of `rows` (all of one date) for `games` (the date's games without official rows), each game
    /// with its tip-off from `tipoffs` (by game id).
    public static func entries(_ rows: [Row], games: [ScheduledGame], tipoffs: [String: String]) -> [InjuryReportEntry]
    {
        var published: [String: String] = [:]  // run → its last page's time
        for row in rows where published[row.runID].map({ $0 < row.reportUTC }) ?? true {
            published[row.runID] = row.reportUTC
        }
        var listed: [String: [Team: [Row]]] = [:]  // report time → team → rows
        for row in rows { listed[published[row.runID]!, default: [:]][row.team, default: []].append(row) }
        var entries: [InjuryReportEntry] = []
        for (reportUTC, teams) in listed.sorted(by: { $0.key < $1.key }) {
            for game in games {
                guard let tipUTC = tipoffs[game.gameID] else { continue }
                for team in [game.awayTeam, game.homeTeam] {
                    guard let players = teams[team] else {
                        entries.append(
                            InjuryReportEntry(
                                reportUTC: reportUTC, gameID: game.gameID, gameDate: game.gameDate, tipUTC: tipUTC,
                                team: team, playerName: "", playerID: nil, status: .notYetSubmitted,
                                reason: unnamedTeamReason))
                        continue
                    }
                    for row in players {
                        entries.append(
                            InjuryReportEntry(
                                reportUTC: reportUTC, gameID: game.gameID, gameDate: game.gameDate, tipUTC: tipUTC,
                                team: team, playerName: row.playerName, playerID: row.playerID, status: row.status,
                                reason: row.reason))
                    }
                }
            }
        }
        return entries
    }
}
