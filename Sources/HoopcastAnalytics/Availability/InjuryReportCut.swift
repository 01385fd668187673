import HoopcastCore
import HoopcastIngest

/// A player's status on the latest official injury report published at or before a game's prediction time.
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
        var latestTime: [String: String] = [:]
        for entry in entries {
            guard let cutoff = cutoffs[entry.gameID], let published = UTCInstant(entry.reportUTC), published <= cutoff
            else { continue }
            if latestTime[entry.gameID].map({ $0 < entry.reportUTC }) ?? true {
                latestTime[entry.gameID] = entry.reportUTC
            }
        }
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
}
