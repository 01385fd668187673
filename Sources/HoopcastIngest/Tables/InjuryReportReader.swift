import HoopcastCore
import HoopcastStore
import SQLKit

/// One row of an injury report (`raw_injuries`), official or live (see ``InjuryReportReader``), with the player id the
/// registry resolved its name to.
public struct InjuryReportEntry: Sendable, Hashable {
    /// When the report was published (`YYYY-MM-DDTHH:MM:SSZ`).
    public var reportUTC: String
    public var gameID: String
    public var gameDate: GameDate
    /// The scheduled tip-off as this report printed it (`YYYY-MM-DDTHH:MM:SSZ`); for a live list, the live
    /// schedule's, or empty when none is known.
    public var tipUTC: String
    public var team: Team
    /// The name as printed; empty on a team row (``InjuryStatus/notYetSubmitted``).
    public var playerName: String
    /// The resolved player; nil on a team row or when the name did not resolve to one player.
    public var playerID: Int?
    public var status: InjuryStatus
    public var reason: String

    /// Creates an entry.
    public init(
        reportUTC: String, gameID: String, gameDate: GameDate, tipUTC: String, team: Team, playerName: String,
        playerID: Int?, status: InjuryStatus, reason: String
    ) {
        self.reportUTC = reportUTC
        self.gameID = gameID
        self.gameDate = gameDate
        self.tipUTC = tipUTC
        self.team = team
        self.playerName = playerName
        self.playerID = playerID
        self.status = status
        self.reason = reason
    }
}

/// Typed reads of the injury reports in `raw_injuries` (the raw layer's table): the official NBA reports as stored,
/// and the live lists (Ball Don't Lie) placed on the date's games in the same form by ``LiveInjuryList`` — only on
/// games without official rows, each with the tip-off of the live schedule (``RawReader/tipoffs(on:)``).
public struct InjuryReportReader: Sendable {
    let db: any SQLDatabase

    /// Creates a reader over `db`.
    public init(db: any SQLDatabase) { self.db = db }

    /// Every report row of the games dated `date`, official and live, of every report time (the caller keeps the
    /// ones published before its cut-off), with the registry's resolution of each name, in (game, report time,
    /// team, name) order.
    public func entries(on date: GameDate) async throws -> [InjuryReportEntry] {
        let resolution = SQLQueryString(
            """
            LEFT JOIN registry_name_resolutions r
              ON r.player_name = i.player_name AND r.game_date = i.game_date
             AND r.home_team = i.team AND r.away_team = i.team
             AND r.status = \(bind: NameResolutionStatus.resolved.rawValue)
            """)
        let official = try await db.raw(
            """
            SELECT i.report_utc, i.game_id, i.game_date, i.tip_utc, i.team, i.player_name, i.status, i.reason,
                   r.player_id
            FROM raw_injuries i
            \(resolution)
            WHERE i.game_date = \(bind: date.description) AND i.game_id <> ''
            """
        ).all().map(Self.entry)
        let liveRows = try await db.raw(
            """
            SELECT i.report_utc, i.run_id, i.team, i.player_name, i.status, i.reason, r.player_id
            FROM raw_injuries i
            \(resolution)
            WHERE i.game_date = \(bind: date.description) AND i.game_id = ''
            """
        ).all().map(Self.liveRow)
        var live: [InjuryReportEntry] = []
        if !liveRows.isEmpty {
            let reported = Set(official.map(\.gameID))
            let raw = RawReader(db: db)
            let games = try await raw.games(on: date).filter { !reported.contains($0.gameID) }
            let tipoffs = Dictionary(
                try await raw.tipoffs(on: [date]).map { ($0.gameID, $0.commenceUTC) }, uniquingKeysWith: { $1 })
            live = LiveInjuryList.entries(liveRows, games: games, tipoffs: tipoffs)
        }
        return (official + live).sorted {
            ($0.gameID, $0.reportUTC, $0.team.code, $0.playerName) < (
                $1.gameID, $1.reportUTC, $1.team.code, $1.playerName
            )
        }
    }

    static func entry(_ row: any SQLRow) throws -> InjuryReportEntry {
        let name = try row.value("player_name", as: String.self)
        let key = "\(try row.value("report_utc", as: String.self))/\(try row.value("game_id", as: String.self))/\(name)"
        return InjuryReportEntry(
            reportUTC: try row.value("report_utc"), gameID: try row.value("game_id"),
            gameDate: try row.parsed("game_date", in: OfficialInjuryRecord.table, key: key, GameDate.init),
            tipUTC: try row.value("tip_utc"),
            team: try row.parsed("team", in: OfficialInjuryRecord.table, key: key, Team.init),
            playerName: name, playerID: try row.value("player_id", as: Int?.self),
            status: try row.parsed("status", in: OfficialInjuryRecord.table, key: key, InjuryStatus.init(rawValue:)),
            reason: try row.value("reason", as: String?.self) ?? "")
    }

    static func liveRow(_ row: any SQLRow) throws -> LiveInjuryList.Row {
        let name = try row.value("player_name", as: String.self)
        let key = "\(try row.value("report_utc", as: String.self))/\(name)"
        return LiveInjuryList.Row(
            reportUTC: try row.value("report_utc"), runID: try row.value("run_id"),
            team: try row.parsed("team", in: OfficialInjuryRecord.table, key: key, Team.init), playerName: name,
            playerID: try row.value("player_id", as: Int?.self),
            status: try row.parsed("status", in: OfficialInjuryRecord.table, key: key, InjuryStatus.init(rawValue:)),
            reason: try row.value("reason", as: String?.self) ?? "")
    }
}
