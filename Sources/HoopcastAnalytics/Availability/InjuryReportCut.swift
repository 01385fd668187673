import HoopcastCore
import HoopcastIngest

/// A player's status on the latest injury report (official, or a live list placed by ``LiveInjuryList``) published at or before a game's prediction time.
public struct ReportedAvailability: Sendable, Hashable {
    public var gameID: String
    public var team: Team
    /// The name as the report prints it.
    public var playerName: String
    /// The resolved player; nil when the name did not resolve.
    public var playerID: Int?
    public var status: InjuryStatus
    public var reason: String
    /// When the report that lists the player was published (`YYYY-MM-DDTHH:MM:SSZ`).
    public var reportUTC: String
}

/// A team in a game.
public struct GameTeam: Sendable, Hashable {
    public var gameID: String
    public var team: Team
    /// Creates a key.
    public init(gameID: String, team: Team) {
        self.gameID = gameID
        self.team = team
    }
}

/// Point in time, pure: which injury report each game's prediction may use, and what it says.
///
/// The NBA publishes a report several times a day; the stored file keeps a game's list only when it changed, so the
/// list in force for game G at time T is the rows of G with the greatest `report_utc` ≤ T (a player absent from that
/// list is not on the report). The prediction of a game is made ``leadMinutes`` before its scheduled tip-off; rows
/// published later are never read.
public enum InjuryReportCut {
    /// Minutes before tip-off at which a prediction is made.
    public static let leadMinutes = 30

    /// Each game's prediction time: ``leadMinutes`` before the tip-off printed by the game's first report (a later
    /// report that moved the tip-off cannot move the cut-off). Games whose tip-off does not parse are left out.
    public static func predictionTimes(_ entries: [InjuryReportEntry]) -> [String: UTCInstant] {
        var first: [String: InjuryReportEntry] = [:]
        for entry in entries {
            if let current = first[entry.gameID], (current.reportUTC, current.tipUTC) <= (entry.reportUTC, entry.tipUTC)
            {
                continue
            }
            first[entry.gameID] = entry
        }
        return first.compactMapValues { UTCInstant($0.tipUTC)?.minus(minutes: leadMinutes) }
    }

    /// The players on the latest report of each game published at or before that game's time in `cutoffs`, in
    /// (game, team, name) order. Team rows (``InjuryStatus/notYetSubmitted``) are not players and are left out;
    /// games without a cut-off, or without a report by then, list nobody.
    public static func latest(_ entries: [InjuryReportEntry], cutoffs: [String: UTCInstant]) -> [ReportedAvailability] {
        let latestTime = latestReports(entries, cutoffs: cutoffs)
        return entries.filter { entry in
            entry.status != .notYetSubmitted && latestTime[entry.gameID] == entry.reportUTC
        }
        .map { entry in
            ReportedAvailability(
                gameID: entry.gameID, team: entry.team, playerName: entry.playerName, playerID: entry.playerID,
                status: entry.status, reason: entry.reason, reportUTC: entry.reportUTC)
        }
        .sorted { ($0.gameID, $0.team.code, $0.playerName) < ($1.gameID, $1.team.code, $1.playerName) }
    }

    /// ``latest(_:cutoffs:)`` at each game's ``predictionTimes(_:)``.
    public static func atPredictionTime(_ entries: [InjuryReportEntry]) -> [ReportedAvailability] {
        latest(entries, cutoffs: predictionTimes(entries))
    }

    /// The teams that had submitted their list on the report in force for their game at its time in `cutoffs`: the
    /// game has a report by then and it does not print the team as ``InjuryStatus/notYetSubmitted``. A player of
    /// such a team who is not listed was expected to play; for any other team the report says nothing.
    public static func submittedTeams(_ entries: [InjuryReportEntry], cutoffs: [String: UTCInstant]) -> Set<GameTeam> {
        let latestTime = latestReports(entries, cutoffs: cutoffs)
        var teams: Set<GameTeam> = []
        var pending: Set<GameTeam> = []
        for entry in entries where latestTime[entry.gameID] == entry.reportUTC {
            let key = GameTeam(gameID: entry.gameID, team: entry.team)
            if entry.status == .notYetSubmitted { pending.insert(key) } else { teams.insert(key) }
        }
        return teams.subtracting(pending)
    }

    /// ``submittedTeams(_:cutoffs:)`` at each game's ``predictionTimes(_:)``.
    public static func submittedAtPredictionTime(_ entries: [InjuryReportEntry]) -> Set<GameTeam> {
        submittedTeams(entries, cutoffs: predictionTimes(entries))
    }

    /// The publication time of each game's latest report at or before its cut-off.
    static func latestReports(_ entries: [InjuryReportEntry], cutoffs: [String: UTCInstant]) -> [String: String] {
        var latestTime: [String: String] = [:]
        for entry in entries {
            guard let cutoff = cutoffs[entry.gameID], let published = UTCInstant(entry.reportUTC), published <= cutoff
            else { continue }
            if latestTime[entry.gameID].map({ $0 < entry.reportUTC }) ?? true {
                latestTime[entry.gameID] = entry.reportUTC
            }
        }
        return latestTime
    }
}
